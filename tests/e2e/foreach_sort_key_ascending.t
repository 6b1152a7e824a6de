# [k+] sorts by the key ascending, as signed numbers.
run: uscript -e 'global a; probe begin { a[30] = 1; a[10] = 2; a[-5] = 3; a[20] = 4; foreach (k+ in a) printf("%d ", k); println(""); exit() }'
--- stdout
-5 10 20 30 
