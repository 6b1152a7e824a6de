# limit without a sort mark takes the first N in creation order; limit 0
# runs no iteration; a limit larger than the array runs them all.
run: uscript -e 'global a; probe begin { a[5] = 1; a[2] = 1; a[8] = 1; foreach (k in a limit 2) printf("%d ", k); println("|"); foreach (k in a limit 0) printf("%d ", k); println("|"); foreach (k in a limit 10) printf("%d ", k); println("|"); exit() }'
--- stdout
5 2 |
|
5 2 8 |
