# Two timers run side by side; the 10 ms one has fired several times when the 100 ms
# one first fires.
# alone: counts the ticks of one timer in the period of another
run: uscript -e 'global fast; probe timer.ms(10) { fast++ } probe timer.ms(100) { printf("%d\n", fast >= 4); exit() }'
--- stdout
1
