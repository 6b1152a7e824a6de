# A linear histogram filled from a process probe: add's first argument,
# 0 to 9, in steps of 2.
run: cd "$T" && uscript -e 'global x; probe process("./add").function("add") { x <<< int_arg(1) } probe end { print(@hist_linear(x, 0, 10, 2)); println("--") }' -c './add 10'
--- stdout
value |-------------------------------------------------- count
    0 |@@                                                 2
    2 |@@                                                 2
    4 |@@                                                 2
    6 |@@                                                 2
    8 |@@                                                 2
   10 |                                                   0

--
