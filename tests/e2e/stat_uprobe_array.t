# An array of statistics filled from a process probe: s[i % 2] <<< i + 1
# for i = 0..4 (add's second argument).
run: cd "$T" && uscript -e 'global s; probe process("./add").function("add") { s[int_arg(1) % 2] <<< int_arg(2) } probe end { printf("%d %d %d %d %d\n", @count(s[0]), @sum(s[0]), @min(s[0]), @max(s[0]), @avg(s[0])); printf("%d %d %d %d %d\n", @count(s[1]), @sum(s[1]), @min(s[1]), @max(s[1]), @avg(s[1])) }' -c './add 5'
--- stdout
3 9 1 5 3
2 6 2 4 3
