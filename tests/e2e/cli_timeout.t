# -T SECONDS stops the run after that long, as exit() would: the end probe
# runs, the unprinted globals are printed, and the status is 0.  A fraction
# of a second may be given; a bad number is a usage error.
run: uscript -T 0.3 -e 'global ticks; probe timer.ms(100) { ticks++ } probe end { printf("%s\n", ticks >= 2 && ticks <= 4 ? "about 3 ticks" : sprintf("%d ticks", ticks)) }'; echo "status $?"; uscript -T 0 -e 'probe begin {}'; echo "status $?"; uscript -T x -e 'probe begin {}'; echo "status $?"
--- stdout
about 3 ticks
status 0
status 2
status 2
--- stderr
uscript: -T needs a number of seconds, not '0'
Try 'uscript -h' for more information.
uscript: -T needs a number of seconds, not 'x'
Try 'uscript -h' for more information.
