# A process probe reads the aggregates of a statistic it adds to.
run: cd "$T" && uscript -e 'global x; probe process("./add").function("add") { x <<< int_arg(2); printf("%d %d %d\n", @count(x), @sum(x), @max(x)) }' -c './add 3'
--- stdout
1 1 1
2 3 2
3 6 3
