# An array of statistics sorted by its key, from a process probe's values:
# s[i % 3] <<< i for i = 0..6.
run: cd "$T" && uscript -e 'global s; probe process("./add").function("add") { s[int_arg(1) % 3] <<< int_arg(1) } probe end { foreach ([k+] in s) printf("%d: %d %d %d %d %d\n", k, @count(s[k]), @sum(s[k]), @min(s[k]), @max(s[k]), @avg(s[k])) }' -c './add 7'
--- stdout
0: 3 9 0 6 3
1: 2 5 1 4 2
2: 2 7 2 5 3
