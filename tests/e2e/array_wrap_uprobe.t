# global a%[3] in a process probe: each call past the third makes room by
# removing the oldest element, so the last three calls' keys are left, in
# the order they were made; no overflow error.
run: cd "$T" && uscript -e 'global a%[3]; probe process("./add").function("add") { a[$a] = $b } probe end { foreach (k in a) printf("%d %d\n", k, a[k]) }' -c './add 6'
--- stdout
3 4
4 5
5 6
