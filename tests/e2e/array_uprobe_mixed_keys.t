# A process probe keys an array by a string and a long: a[execname(), i % 2]++.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { a[execname(), int_arg(1) % 2]++ } probe end { foreach ([s, k] in a) printf("%s %d %d\n", s, k, a[s, k]) }' -c './add 5'
--- stdout
add 0 3
add 1 2
