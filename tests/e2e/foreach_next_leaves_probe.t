# next inside a foreach leaves the whole probe handler.
run: uscript -e 'global a; probe begin { a[1] = 1; a[2] = 2; a[3] = 3; foreach (k in a) { printf("%d\n", k); if (k == 2) next } println("not reached") } probe begin { println("second begin"); exit() }'
--- stdout
1
2
second begin
