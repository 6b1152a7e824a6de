# timer.s(1) first fires one second after the start.
run: uscript -e 'global t0; probe begin { t0 = gettimeofday_ms() } probe timer.s(1) { d = gettimeofday_ms() - t0; printf("%d %d\n", d >= 1000, d < 3000); exit() }'
--- stdout
1 1
