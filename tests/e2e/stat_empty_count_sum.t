# @count and @sum of a statistic nothing was added to are 0, for a scalar and
# for an element that does not exist (translate.cxx visit_stat_op).
run: uscript -e 'global x, s; probe begin { if (0) { x <<< 1; s[1] <<< 1 } printf("%d %d %d %d\n", @count(x), @sum(x), @count(s[1]), @sum(s[1])); exit() }'
--- stdout
0 0 0 0
