# foreach over an array of statistics sorted by value sorts by @count
# (translate.cxx visit_foreach_loop: SORT_COUNT), here descending.
run: uscript -e 'global s; probe begin { s["a"] <<< 100; s["b"] <<< 1; s["b"] <<< 1; s["b"] <<< 1; s["c"] <<< 5; s["c"] <<< 5; foreach ([k] in s-) printf("%s %d %d\n", k, @count(s[k]), @sum(s[k])); exit() }'
--- stdout
b 3 3
c 2 10
a 1 100
