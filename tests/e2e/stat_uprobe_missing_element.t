# @count and @sum of an element never added to are 0 in a process probe too.
run: cd "$T" && uscript -e 'global s; probe process("./add").function("add") { s[int_arg(1)] <<< 5; printf("%d %d %d\n", @count(s[int_arg(1)]), @count(s[int_arg(1) + 1]), @sum(s[int_arg(1) + 1])) }' -c './add 2'
--- stdout
1 0 0
1 0 0
