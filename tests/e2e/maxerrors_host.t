# -D MAXERRORS counts errors of begin, end and timer handlers too: with
# MAXERRORS=1 the first error(msg) of the timer is reported and the next
# stops the run.
# alone: counts a timer's ticks
run: uscript -D MAXERRORS=1 -e 'global n; probe timer.ms(10) { n++; if (n <= 2) error(sprintf("tick %d", n)); println(n) } probe end { println("end") }'; echo "status $?"
--- stdout
status 1
--- stderr
ERROR: tick 1 near <input>:1:49
ERROR: tick 2 near <input>:1:49
WARNING: Number of errors: 2, skipped probes: 0
