# The classic use: @entry(gettimeofday_ns()) times each call without a
# global array; the time is positive for every call of add().
run: cd "$T" && uscript -e 'probe process("./add").function("add").return { d = gettimeofday_ns() - @entry(gettimeofday_ns()); printf("%d %s\n", $a, d > 0 && d < 1000000000 ? "ok" : sprintf("bad %d", d)) }' -c './add 3'
--- stdout
0 ok
1 ok
2 ok
