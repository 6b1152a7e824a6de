# Two threads add to one statistic from a process probe, at once on several
# CPUs: work(i) for i = 0..19999 in each; nothing is lost in the merge.
run: cd "$T" && uscript -e 'global x; probe process("./threads").function("work") { x <<< int_arg(1) } probe end { printf("%d %d %d %d %d\n", @count(x), @sum(x), @min(x), @max(x), @avg(x)) }' -c './threads 20000'
--- stdout
40000 399980000 0 19999 9999
