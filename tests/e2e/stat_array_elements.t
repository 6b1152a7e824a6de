# x[k] <<< v on elements of an array of statistics, keyed by a string and a long.
run: uscript -e 'global s; probe begin { s["a", 1] <<< 4; s["a", 1] <<< 8; s["b", 2] <<< -1; printf("%d %d %d %d %d\n", @count(s["a", 1]), @sum(s["a", 1]), @min(s["a", 1]), @max(s["a", 1]), @avg(s["a", 1])); printf("%d %d %d\n", @count(s["b", 2]), @min(s["b", 2]), ["a", 1] in s); exit() }'
--- stdout
2 12 4 8 6
1 -1 1
