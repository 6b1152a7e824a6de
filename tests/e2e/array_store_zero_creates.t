# Storing 0 creates the element (map-gen.c __stp_map_set creates any missing
# key), and so does a[k] += 0: both are then `in` the array.
run: uscript -e 'global a; probe begin { a[1] = 0; a[2] += 0; printf("%d %d %d\n", 1 in a, 2 in a, 3 in a); exit() }'
--- stdout
1 1 0
