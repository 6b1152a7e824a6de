# print(@hist_log(s[k])) in end, of an element a process probe filled:
# s[i % 2] <<< i + 1 for i = 0..5, so s[1] holds 2, 4, 6.
run: cd "$T" && uscript -e 'global s; probe process("./add").function("add") { s[int_arg(1) % 2] <<< int_arg(2) } probe end { print(@hist_log(s[1])); println("--") }' -c './add 6'
--- stdout
value |-------------------------------------------------- count
    0 |                                                   0
    1 |                                                   0
    2 |@                                                  1
    4 |@@                                                 2
    8 |                                                   0
   16 |                                                   0

--
