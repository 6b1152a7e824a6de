# timer.ms(N).randomize(M): each period is N ms plus or minus up to M ms,
# so 10 ticks of timer.ms(20).randomize(15) take from 50 to 350 ms, and
# their gaps are not all alike.
# alone: measures timer periods
run: uscript -e 'global n, t0, last, lo = 1000000, hi probe begin { t0 = last = gettimeofday_us() } probe timer.ms(20).randomize(15) { now = gettimeofday_us(); d = now - last; last = now; if (d < lo) lo = d; if (d > hi) hi = d; if (++n == 10) { t = now - t0; printf("%d %d\n", t >= 50000 && t < 600000, hi - lo > 2000); exit() } }'
--- stdout
1 1
