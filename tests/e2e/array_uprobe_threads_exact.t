# Two threads call work() 20000 times each, at once on several CPUs:
# a[tid()]++ loses no increment, two elements summing to 40000.
run: cd "$T" && uscript -e 'global a; probe process("./threads").function("work") { a[tid()]++ } probe end { n = 0; sum = 0; foreach (t in a) { n++; sum += a[t] } printf("%d %d\n", n, sum) }' -c './threads 20000'
--- stdout
2 40000
