# local_clock_ns() increases from one probe hit to the next.
run: cd "$T" && uscript -e 'global last, bad, n; probe process("./add").function("add") { t = local_clock_ns(); if (t <= last) bad++; last = t; n++ } probe end { printf("%d hits, %d out of order, %d\n", n, bad, last > 0) }' -c './add 5'
--- stdout
5 hits, 0 out of order, 1
