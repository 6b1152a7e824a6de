# An array of nine keys, longs and strings mixed: the most SystemTap allows.
run: uscript -e 'global a; probe begin { a[1, "a", 2, "b", 3, "c", 4, "d", 5] = 7; a[1, "a", 2, "b", 3, "c", 4, "d", 6] += 8; printf("%d %d %d %d\n", a[1, "a", 2, "b", 3, "c", 4, "d", 5], a[1, "a", 2, "b", 3, "c", 4, "d", 6], [1, "a", 2, "b", 3, "c", 4, "d", 5] in a, [1, "a", 2, "b", 3, "c", 4, "x", 5] in a); foreach ([k1, k2, k3, k4, k5, k6, k7, k8, k9] in a) printf("%d %s %d %s %d %s %d %s %d\n", k1, k2, k3, k4, k5, k6, k7, k8, k9); exit() }'
--- stdout
7 8 1 0
1 a 2 b 3 c 4 d 5
1 a 2 b 3 c 4 d 6
