# Reading an element that does not exist gives 0 and does not create it
# (SystemTap's _stp_map_get only looks): `in` still says 0 and foreach skips it.
run: uscript -e 'global a; probe begin { a[1] = 1; x = a[2]; y = a[3] + 1; printf("%d %d %d %d\n", x, y, 2 in a, 3 in a); foreach (k in a) println(k); exit() }'
--- stdout
0 1 0 0
1
