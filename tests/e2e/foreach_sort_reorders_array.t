# A sorted foreach sorts the array's own list (map.c _stp_map_sort works in
# place), so a later foreach without a sort mark walks the sorted order, and
# an element created afterwards comes after them all.
run: uscript -e 'global a; probe begin { a[3] = 1; a[1] = 1; a[2] = 1; foreach (k in a) printf("%d ", k); println(""); foreach (k+ in a) printf("%d ", k); println(""); foreach (k in a) printf("%d ", k); println(""); a[0] = 1; foreach (k in a) printf("%d ", k); println(""); exit() }'
--- stdout
3 1 2 
1 2 3 
1 2 3 
1 2 3 0 
