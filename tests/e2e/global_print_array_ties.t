# Unread array elements with equal values are printed in creation order: the
# synthetic foreach's merge sort is stable.
run: uscript -e 'global a; probe begin { a[3] = 5; a[1] = 9; a[7] = 5; a[2] = 5; exit() }'
--- stdout
a[1]=9
a[3]=5
a[7]=5
a[2]=5
