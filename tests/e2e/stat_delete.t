# delete x empties a scalar statistic and delete s[k] removes one element of
# an array of statistics: @count is 0 again and `in` says 0.
run: uscript -e 'global x, s; probe begin { x <<< 3; x <<< 4; s[1] <<< 5; s[2] <<< 6; delete x; delete s[1]; x <<< 10; printf("%d %d %d %d %d\n", @count(x), @sum(x), @count(s[1]), 1 in s, 2 in s); exit() }'
--- stdout
1 10 0 0 1
