# foreach in process probes over an array of statistics (each element read
# from every CPU's part), and in a .return probe, where a parameter is its
# value at the entry.
run: cd "$T" && uscript -e 'global s; probe process("./add").function("add") { i = int_arg(1); s[i % 3] <<< i; t = 0; foreach (k in s) t += @count(s[k]); printf("%d %d\n", i, t) }' -c './add 5' && uscript -e 'global a; probe process("./add").function("add").return { a[$a] = 1; n = 0; foreach (k in a) n += k + $a; printf("%d\n", n) }' -c './add 3'
--- stdout
0 1
1 2
2 3
3 4
4 5
0
3
9
