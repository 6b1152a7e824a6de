# a[k]++ that would create a third element of global a[2] overflows too.
run: uscript -e 'global a[2]; probe begin { a["x"]++; a["y"]++; a["x"]++; a["z"]++ } probe error { printf("%d %d\n", a["x"], a["y"]) }'
--- stdout
2 1
--- stderr
ERROR: Array overflow, check size limit (2) near <input>:1:58
--- status
1
