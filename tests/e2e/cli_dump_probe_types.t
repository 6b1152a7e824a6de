# --dump-probe-types lists every form of probe point, as stap's does,
# sorted, one a line; each one listed is a kind uscript knows (written out
# with 1 for a number and a path or name for a string, none is an
# "unknown probe point", whatever else it then says).
# needs: nothing
run: uscript --dump-probe-types > "$D/types.$$"; sort -c "$D/types.$$" && echo sorted; grep -c . "$D/types.$$" | awk '$1 > 300 { print "over 300 forms" }'; grep -x -e begin -e 'kernel.trace(string)' -e 'process(string).function(string).return' -e 'timer.profile' -e 'perf.sw.cpu_clock.sample(number).process(string)' -e 'process(number).statement(string).nearest' "$D/types.$$"; while read -r form; do p=$(printf '%s' "$form" | sed -e 's/(number)/(1)/g' -e 's/(string)/("\/bin\/true")/g'); uscript -p2 -e "probe $p { }" 2>&1 | grep -q "unknown probe point" && echo "unknown: $form"; done < "$D/types.$$"; rm -f "$D/types.$$"
--- stdout
sorted
over 300 forms
begin
kernel.trace(string)
perf.sw.cpu_clock.sample(number).process(string)
process(number).statement(string).nearest
process(string).function(string).return
timer.profile
