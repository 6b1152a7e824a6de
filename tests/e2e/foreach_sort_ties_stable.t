# Equal values keep creation order, ascending and descending alike: the
# runtime's merge sort (map.c _stp_map_sort) is stable.
run: uscript -e 'global a; probe begin { a[5] = 1; a[3] = 2; a[9] = 1; a[1] = 2; a[7] = 1; foreach (v = [k] in a+) printf("%d ", k); println(""); foreach (v = [k] in a-) printf("%d ", k); println(""); exit() }'
--- stdout
5 9 7 3 1 
3 1 5 9 7 
