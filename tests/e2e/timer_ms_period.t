# Three ticks of timer.ms(100) take at least 300 ms from begin (and not seconds).
run: uscript -e 'global t0, n; probe begin { t0 = gettimeofday_ms() } probe timer.ms(100) { if (++n == 3) { d = gettimeofday_ms() - t0; printf("%d %d\n", d >= 300, d < 2000); exit() } }'
--- stdout
1 1
