# foreach (k in s @variance-) sorts as SystemTap's translator does, by
# @count: its runtime sorts by no other aggregate for @variance.
run: uscript -e 'global s; probe begin { s[1] <<< 1; s[1] <<< 100; s[2] <<< 5; s[2] <<< 5; s[2] <<< 5; s[3] <<< 1; foreach (k in s @variance-) printf("%d %d %d\n", k, @count(s[k]), @variance(s[k])); exit() }'
--- stdout
2 3 0
1 2 4950
3 1 0
