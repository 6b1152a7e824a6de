# Two timers run side by side; the 10 ms one has fired several times when the 100 ms
# one first fires.
run: uscript -e 'global fast; probe timer.ms(10) { fast++ } probe timer.ms(100) { printf("%d\n", fast >= 4); exit() }'
--- stdout
1
