# Arrays and statistics read anywhere (by an index, `in`, foreach, or an
# aggregate) are not printed at the end; only the unread one is.
run: uscript -e 'global a, b, c, x, u; probe begin { a[1] = 1; b[1] = 1; c[1] = 1; x <<< 1; u[1] = 1; exit() } probe end { n = 0; foreach (k in c) n++; printf("%d %d %d %d\n", a[1], 1 in b, n, @count(x)) }'
--- stdout
1 1 1 1
u[1]=1
