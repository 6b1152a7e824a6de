# A process probe writes and reads a global array keyed by its arguments;
# add(i, i + 1) runs for i = 0, 1, 2.  end walks it in creation order.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { a[int_arg(1)] = int_arg(2) * 10; printf("%d %d\n", a[int_arg(1)], a[int_arg(1) + 1]) } probe end { foreach (k in a) printf("%d=%d\n", k, a[k]) }' -c './add 3'
--- stdout
10 0
20 0
30 0
0=10
1=20
2=30
