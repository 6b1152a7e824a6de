# timer.ms(N) fires every N ms until exit(); no tick runs after it.
run: uscript -e 'global n; probe timer.ms(10) { n++; printf("tick %d\n", n); if (n == 3) exit() } probe end { printf("end %d\n", n) }'
--- stdout
tick 1
tick 2
tick 3
end 3
