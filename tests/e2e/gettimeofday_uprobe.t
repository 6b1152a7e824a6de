# The wall clock read in a uprobe (in BPF) agrees with date(1) and across units.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { s = gettimeofday_s(); ms = gettimeofday_ms(); us = gettimeofday_us(); ns = gettimeofday_ns(); printf("%d %d %d %d\n", ms / 1000 - s >= 0 && ms / 1000 - s <= 1, us / 1000 - ms >= 0 && us / 1000 - ms <= 1, ns / 1000 - us >= 0 && ns / 1000 - us <= 1000, s - $1 >= 0 && s - $1 <= 5); exit() }' -c './add 1' "$(date +%s)"
--- stdout
1 1 1 1
