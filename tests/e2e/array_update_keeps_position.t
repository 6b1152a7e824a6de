# Storing into an existing element does not move it in creation order.
run: uscript -e 'global a; probe begin { a[3] = 1; a[1] = 2; a[2] = 3; a[3] = 9; a[1]++; foreach (k in a) printf("%d=%d\n", k, a[k]); exit() }'
--- stdout
3=9
1=3
2=3
