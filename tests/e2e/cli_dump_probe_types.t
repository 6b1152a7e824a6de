# --dump-probe-types lists every form of probe point, as stap's does,
# sorted, one a line; each one listed is a kind uscript knows (written out
# with 1 for a number and a path or name for a string, none is an
# "unknown probe point", whatever else it then says).
# needs: nothing
run: uscript --dump-probe-types > "$D/types.$$"; sort -c "$D/types.$$" && echo sorted; grep -c . "$D/types.$$" | awk '$1 > 300 { print "over 300 forms" }'; grep -x -e begin -e 'kernel.trace(string)' -e 'process(string).function(string).return' -e 'timer.profile' -e 'perf.sw.cpu_clock.sample(number).process(string)' -e 'process(number).statement(string).nearest' "$D/types.$$"; sed -e 's/(number)/(1)/g' -e 's/(string)/("\/bin\/true")/g' -e 's/.*/probe & { }/' "$D/types.$$" | split -l 20 - "$D/types.$$.part."; for f in "$D/types.$$.part."*; do uscript -p2 "$f" 2>&1 | sed -n 's/.*error: unknown probe point \(.*\)/unknown: \1/p'; done; rm -f "$D/types.$$" "$D/types.$$.part."*
--- stdout
sorted
over 300 forms
begin
kernel.trace(string)
perf.sw.cpu_clock.sample(number).process(string)
process(number).statement(string).nearest
process(string).function(string).return
timer.profile
