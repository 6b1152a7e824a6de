# Array slices in a probe on a function (BPF): a foreach over x[$a, *],
# [k, *] in x with another test, and delete x[$a, *].
run: uscript -e 'global x, hits probe begin { x[0, "a"] = 1; x[1, "a"] = 2; x[1, "b"] = 3; x[2, "b"] = 4 } probe process("'$T/add'").function("add") { n = 0; foreach ([k, s] in x[$a, *]) n += x[k, s]; printf("%d: sum %d in %d\n", $a, n, [$a, "b"] in x || [*, "z"] in x); if ([$a, *] in x) hits++; delete x[$a, *] } probe end { foreach ([k, s] in x) printf("left %d %s\n", k, s); printf("hits %d\n", hits) }' -c "$T/add 4"
--- stdout
0: sum 1 in 0
1: sum 5 in 1
2: sum 4 in 1
3: sum 0 in 0
hits 3
