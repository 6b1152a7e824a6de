# A string literal given to printf in a probe is printed like any string: cut
# at MAXSTRINGLEN - 1 bytes, with widths and precisions applied, beside
# values that come with the record.
run: cd "$T" && uscript -D MAXSTRINGLEN=5 -e 'probe process("./add").function("add") { printf("%d %s|%6s|%-3s|%.1s|%s\n", int_arg(1), "abcdefgh", "xyz", "k", "pq", execname()) }' -c './add 2'
--- stdout
0 abcd|   xyz|k  |p|add
1 abcd|   xyz|k  |p|add
