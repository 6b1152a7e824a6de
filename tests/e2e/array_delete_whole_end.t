# `delete a` in an end probe empties the array; elements created after it
# walk in their own creation order.
run: uscript -e 'global a; probe begin { a[1] = 1; a[2] = 2; exit() } probe end { delete a; printf("%d %d\n", 1 in a, a[2]); a[3] = 3; a[1] = 1; foreach (k in a) println(k) }'
--- stdout
0 0
3
1
