# A log histogram filled by two threads at once from a process probe:
# work(i) for i = 0..999 in each, every count doubled.
run: cd "$T" && uscript -e 'global x; probe process("./threads").function("work") { x <<< int_arg(1) } probe end { print(@hist_log(x)); println("--") }' -c './threads 1000'
--- stdout
value |-------------------------------------------------- count
    0 |                                                     2
    1 |                                                     2
    2 |                                                     4
    4 |                                                     8
    8 |                                                    16
   16 |@                                                   32
   32 |@@@                                                 64
   64 |@@@@@@                                             128
  128 |@@@@@@@@@@@@                                       256
  256 |@@@@@@@@@@@@@@@@@@@@@@@@@                          512
  512 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@   976
 1024 |                                                     0
 2048 |                                                     0

--
