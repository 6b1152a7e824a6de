# local_clock_ns() in the fourth tick of timer.ms(10) is at least 40 ms after begin's.
run: uscript -e 'global t0, n; probe begin { t0 = local_clock_ns() } probe timer.ms(10) { if (++n == 4) { d = local_clock_ns() - t0; printf("%d %d\n", d >= 40000000, d < 2000000000); exit() } }'
--- stdout
1 1
