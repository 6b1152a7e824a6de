# [k1, k2] in a inside a process probe: add(i, i + 1) for i = 0..2 stores
# a[i, "n"] and asks for the element the previous call stored.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { printf("%d %d\n", [int_arg(1) - 1, "n"] in a, [int_arg(1) - 1, "m"] in a); a[int_arg(1), "n"] = 1 } probe end { printf("%d\n", [2, "n"] in a) }' -c './add 3'
--- stdout
0 0
1 0
1 0
1
