# timer.sec/.msec/.usec/.nsec/.hz/.jiffies: each unit's period, from the
# ticks each gives in 0.3 s of timer.msec(300) (a jiffy is 1/CONFIG_HZ s).
# alone: counts timer ticks in a fixed time
run: uscript -e 'global a, b, c, d, e, f probe timer.sec(1) { a++ } probe timer.msec(100) { b++ } probe timer.usec(50000) { c++ } probe timer.nsec(100000000) { d++ } probe timer.hz(10) { e++ } probe timer.jiffies(1) { f++ } probe timer.msec(350) { exit() } probe end { printf("%d %d %d %d %d %d\n", a, b >= 2 && b <= 4, c >= 5 && c <= 7, d >= 2 && d <= 4, e >= 2 && e <= 4, f >= 10) }'
--- stdout
0 1 1 1 1 1
