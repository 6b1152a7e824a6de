# break in an inner foreach leaves only the inner loop.
run: uscript -e 'global a, b; probe begin { a[1] = 1; a[2] = 1; b[10] = 1; b[20] = 1; b[30] = 1; foreach (i in a) { foreach (j in b) { if (j == 20) break; printf("%d/%d ", i, j) } printf("| ") } println(""); exit() }'
--- stdout
1/10 | 2/10 | 
