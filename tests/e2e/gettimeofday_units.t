# gettimeofday_s/ms/us/ns agree with each other (read in that order, each at most a
# little later) and with date(1).
run: uscript -e 'probe begin { s = gettimeofday_s(); ms = gettimeofday_ms(); us = gettimeofday_us(); ns = gettimeofday_ns(); printf("%d %d %d %d\n", ms / 1000 - s >= 0 && ms / 1000 - s <= 1, us / 1000 - ms >= 0 && us / 1000 - ms <= 100, ns / 1000 - us >= 0 && ns / 1000 - us <= 100000, s - $1 >= 0 && s - $1 <= 5); exit() }' "$(date +%s)"
--- stdout
1 1 1 1
