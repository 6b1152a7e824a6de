# delete a[k] removes one element; deleting one that is missing is no error.
run: uscript -e 'global a; probe begin { a[1] = 1; a[2] = 2; a[3] = 3; delete a[2]; delete a[7]; printf("%d %d %d\n", 2 in a, a[2], 1 in a); foreach (k in a) println(k); exit() }'
--- stdout
0 0 1
1
3
