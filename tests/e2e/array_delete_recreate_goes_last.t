# An element deleted and created again is a new element: foreach without a
# sort mark, which walks creation order, finds it last (map.c _new_map_create
# puts a new node at the tail of the list, _new_map_del_node takes it off).
run: uscript -e 'global a; probe begin { a[1] = 10; a[2] = 20; a[3] = 30; delete a[1]; a[1] = 11; foreach (k in a) printf("%d=%d\n", k, a[k]); exit() }'
--- stdout
2=20
3=30
1=11
