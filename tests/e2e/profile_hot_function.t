# alone: samples CPU time, which other cases would take
# examples/profile.up samples hotcold's user stacks with timer.profile and
# prints them folded, outermost frame first: hot() (0.4 s) dominates cold()
# (0.04 s), and every line ends in a count.
run: cd "$T" && uscript -D MAXSTRINGLEN=512 -D MAXACTION=100000 "$D/../../examples/profile.up" -c ./hotcold > /tmp/profile.$$; awk '/;main;hot;/ { hot += $NF } /;main;cold;/ { cold += $NF } $NF !~ /^[0-9]+$/ { bad++ } END { printf("hot dominates: %d, lines well formed: %d, at least 100 samples: %d\n", hot > 3 * cold, bad == 0, hot + cold >= 100) }' /tmp/profile.$$; rm -f /tmp/profile.$$
--- stdout
hot dominates: 1, lines well formed: 1, at least 100 samples: 1
