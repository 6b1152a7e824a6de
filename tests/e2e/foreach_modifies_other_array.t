# A foreach body may write another array, and read its own.
run: uscript -e 'global a, b; probe begin { a[1] = 10; a[2] = 20; foreach (k in a) { b[k] = a[k] + 1; b[k * 10] = k } foreach (k in b) printf("%d=%d ", k, b[k]); println(""); exit() }'
--- stdout
1=11 10=1 2=21 20=2 
