# An array of nine keys, longs and strings mixed, written in a process probe
# and walked in end: add(i, i + 1) for i = 0, 1.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { a[int_arg(1), "a", 2, execname(), 3, "c", 4, "d", int_arg(2)] += 10 + int_arg(1) } probe end { foreach ([k1, k2, k3, k4, k5, k6, k7, k8, k9] in a) printf("%d %s %d %s %d %s %d %s %d = %d\n", k1, k2, k3, k4, k5, k6, k7, k8, k9, a[k1, k2, k3, k4, k5, k6, k7, k8, k9]) }' -c './add 2'
--- stdout
0 a 2 add 3 c 4 d 1 = 10
1 a 2 add 3 c 4 d 2 = 11
