# An array written only by a process probe is printed at the end: the calls
# add(i, i + 1), i = 0..3, store a[i] = i + 1.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { a[int_arg(1)] = int_arg(2) }' -c './add 4'
--- stdout
a[3]=4
a[2]=3
a[1]=2
a[0]=1
