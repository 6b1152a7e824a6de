# foreach ([k] in s @sum+) sorts an array of statistics by @sum ascending.
run: uscript -e 'global s; probe begin { s["a"] <<< 100; s["b"] <<< 1; s["b"] <<< 1; s["b"] <<< 1; s["c"] <<< 5; s["c"] <<< -50; foreach ([k] in s @sum+) printf("%s %d\n", k, @sum(s[k])); exit() }'
--- stdout
c -45
b 3
a 100
