# [k-] sorts by the key descending, as signed numbers.
run: uscript -e 'global a; probe begin { a[30] = 1; a[10] = 2; a[-5] = 3; a[20] = 4; foreach (k- in a) printf("%d ", k); println(""); exit() }'
--- stdout
30 20 10 -5 
