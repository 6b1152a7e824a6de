# `in` and delete a[k] in a process probe: each call toggles an element.
# add(i, i + 1) for i = 0..4: keys i % 2 are 0 1 0 1 0.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { k = int_arg(1) % 2; if (k in a) delete a[k]; else a[k] = int_arg(1); printf("%d %d\n", 0 in a, 1 in a) } probe end { foreach (k in a) printf("%d=%d\n", k, a[k]) }' -c './add 5'
--- stdout
1 0
1 1
0 1
0 0
1 0
0=4
