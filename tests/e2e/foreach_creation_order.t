# foreach without a sort mark walks the elements in the order they were
# created (SystemTap walks the map's list, new nodes at its tail: map.c).
run: uscript -e 'global a; probe begin { a[30] = 1; a[10] = 2; a[-5] = 3; a[20] = 4; foreach (k in a) printf("%d ", k); println(""); exit() }'
--- stdout
30 10 -5 20 
