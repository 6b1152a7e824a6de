# sprint(@hist_log(x)) and sprint(@hist_linear(...)) printed in a process
# probe: the runtime draws them when it prints the line, as sprint draws
# them in the end probe (MAXSTRINGLEN bytes at most); an empty one is the
# error it is in SystemTap.
run: cd "$T" && uscript -D MAXSTRINGLEN=512 -e 'global h, k; probe process("./add").function("add") { h <<< $a; k[$a % 2] <<< $b; if ($a == 3) { print(sprint(@hist_log(h))); printf("[%s]\n", sprint(@hist_linear(k[1], 0, 10, 2))) } } probe end { print(sprint(@hist_log(h))); printf("[%s]\n", sprint(@hist_linear(k[1], 0, 10, 2))) }' -c './add 4'; uscript -e 'global none; probe process("./add").function("add") { if ($a == 1) println(sprint(@hist_log(none))) }' -c './add 4' 2>&1; echo "status $?"
--- stdout
value |-------------------------------------------------- count
    0 |@                                                  1
    1 |@                                                  1
    2 |@@                                                 2
    4 |                                                   0
    8 |                                                   0

[value |-------------------------------------------------- count
    0 |                                                   0
    2 |@                                                  1
    4 |@                                                  1
    6 |                                                   0
    8 |                                                   0

]
value |-------------------------------------------------- count
    0 |@                                                  1
    1 |@                                                  1
    2 |@@                                                 2
    4 |                                                   0
    8 |                                                   0

[value |-------------------------------------------------- count
    0 |                                                   0
    2 |@                                                  1
    4 |@                                                  1
    6 |                                                   0
    8 |                                                   0

]
ERROR: empty aggregate near <input>:1:76
status 1
