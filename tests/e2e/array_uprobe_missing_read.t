# Reading a missing element in a process probe gives 0 or "" and creates nothing.
run: cd "$T" && uscript -e 'global a, s; probe process("./add").function("add") { printf("%d [%s] %d\n", a[int_arg(1)], s[int_arg(1)], int_arg(1) in a) } probe end { n = 0; foreach (k in a) n++; foreach (k in s) n++; println(n) }' -c './add 2'
--- stdout
0 [] 0
0 [] 0
0
