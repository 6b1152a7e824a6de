# private globals and functions act as others within their file.
run: uscript -e 'private global total private count = 10 private function twice(x) { return 2 * x } probe process("'$T/add'").function("add") { total += twice($a); count++ } probe end { printf("%d %d\n", total, count) }' -c "$T/add 3"
--- stdout
6 13
