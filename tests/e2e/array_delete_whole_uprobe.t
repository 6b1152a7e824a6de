# delete of a whole array and of a whole statistic inside a process probe:
# after the third call both are empty, so only the last two calls remain.
run: cd "$T" && uscript -e 'global a, s, n; probe process("./add").function("add") { a[int_arg(1)] = 1; s <<< 1; n++; if (n == 3) { delete a; delete s } } probe end { foreach (k in a) printf("%d ", k); printf("| %d\n", @count(s)) }' -c './add 5'
--- stdout
3 4 | 2
