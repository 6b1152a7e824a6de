# An array of strings sorted by value compares the strings.
run: uscript -e 'global a; probe begin { a[1] = "pear"; a[2] = "apple"; a[3] = "fig"; foreach (v = [k] in a+) printf("%d:%s ", k, v); println(""); exit() }'
--- stdout
2:apple 3:fig 1:pear 
