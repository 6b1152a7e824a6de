# x <<< v on a scalar statistic in begin; @count @sum @min @max @avg.
run: uscript -e 'global x; probe begin { x <<< 5; x <<< -3; x <<< 10; x <<< 0; printf("%d %d %d %d %d\n", @count(x), @sum(x), @min(x), @max(x), @avg(x)); exit() }'
--- stdout
4 12 -3 10 3
