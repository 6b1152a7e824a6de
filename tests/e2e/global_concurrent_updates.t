# Probes firing at once on several CPUs update a global without losing updates, as
# SystemTap's locking of globals guarantees: two threads call work() 20000 times each.
run: cd "$T" && uscript -e 'global n, total; probe process("./threads").function("work") { n++; total += int_arg(1) } probe end { printf("%d %d\n", n, total) }' -c './threads 20000'
--- stdout
40000 399980000
