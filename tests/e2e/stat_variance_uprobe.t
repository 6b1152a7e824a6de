# @variance of statistics added to in a process probe, read there and in
# the end probe: each CPU's part is kept as SystemTap keeps it and the parts
# are merged by its formula.
run: cd "$T" && uscript -e 'global a, b, d; probe process("./add").function("add") { a <<< $b; b <<< $b; d <<< $a * $a * 7 - 40; if ($a == 9) printf("in probe %d\n", @variance(b, 4)) } probe end { printf("%d %d %d\n", @variance(a), @variance(b, 4), @variance(d, 8)) }' -c './add 10'
--- stdout
in probe 9
48 9 39259
