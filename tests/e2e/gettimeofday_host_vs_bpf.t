# The clock of begin (uscript) and of a uprobe (BPF) is the same wall clock: the
# uprobe, which runs later, reads a later time, and not much later.
run: cd "$T" && uscript -e 'global t0; probe begin { t0 = gettimeofday_us() } probe process("./add").function("add") { d = gettimeofday_us() - t0; printf("%d %d\n", d >= 0, d < 5000000); exit() }' -c './add 1'
--- stdout
1 1
