# local_clock_us/ms/s are local_clock_ns() in coarser units, between two
# readings of it; ctime() without an argument is now, in ctime's layout.
# needs: nothing
run: uscript -e 'probe begin { a = local_clock_ns(); us = local_clock_us(); ms = local_clock_ms(); s = local_clock_s(); b = local_clock_ns(); printf("%d %d %d\n", us >= a / 1000 && us <= b / 1000, ms >= a / 1000000 && ms <= b / 1000000, s >= a / 1000000000 && s <= b / 1000000000); t = ctime(); println(strlen(t), " [", substr(t, 3, 1), substr(t, 7, 1), substr(t, 13, 1), substr(t, 16, 1), substr(t, 19, 1), "]"); exit() }'
--- stdout
1 1 1
24 [  :: ]
