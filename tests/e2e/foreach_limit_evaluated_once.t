# The limit expression is evaluated once, before the loop (translate.cxx
# assigns it to a temporary): changing n in the body does not change it.
run: uscript -e 'global a; probe begin { a[1] = 1; a[2] = 1; a[3] = 1; a[4] = 1; n = 2; foreach (k in a limit n) { printf("%d ", k); n = 10 } println(""); exit() }'
--- stdout
1 2 
