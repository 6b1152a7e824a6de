# Ties keep the order the previous sort left, not creation order: after
# [k-] the list is 3 2 1, so sorting by value (1, 1, 2) gives 2 1 3.
run: uscript -e 'global a; probe begin { a[1] = 1; a[2] = 1; a[3] = 2; foreach (k- in a) printf("%d ", k); println(""); foreach (v = [k] in a+) printf("%d ", k); println(""); exit() }'
--- stdout
3 2 1 
2 1 3 
