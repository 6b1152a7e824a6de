# An array of statistics sorted by @count ascending, with limit.
run: uscript -e 'global s; probe begin { s["a"] <<< 1; s["a"] <<< 1; s["b"] <<< 1; s["c"] <<< 1; s["c"] <<< 1; s["c"] <<< 1; foreach ([k] in s+ limit 2) printf("%s %d\n", k, @count(s[k])); exit() }'
--- stdout
b 1
a 2
