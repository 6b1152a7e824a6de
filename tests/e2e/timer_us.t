# timer.us(N): microsecond periods.
run: uscript -e 'global n, t0; probe begin { t0 = gettimeofday_us() } probe timer.us(2000) { if (++n == 5) { printf("%d\n", gettimeofday_us() - t0 >= 10000); exit() } }'
--- stdout
1
