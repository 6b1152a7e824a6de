# foreach nested in foreach, over two arrays and over the same one (the
# inner loop unsorted, so it walks the order the outer sort left: 2 1).
run: uscript -e 'global a, b; probe begin { a[1] = 1; a[2] = 2; b["x"] = 1; b["y"] = 1; foreach (i in a) foreach (s in b) printf("%d%s ", i, s); println(""); foreach (i- in a) foreach (j in a) printf("%d%d ", i, j); println(""); exit() }'
--- stdout
1x 1y 2x 2y 
22 21 12 11 
