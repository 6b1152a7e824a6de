# The -o file's name may hold strftime() conversions, done in local time
# at the start, as staprun does them.
run: d=$(mktemp -d); uscript -o "$d/trace-%Y.log" -e 'probe begin { println("hello"); exit() }'; ls "$d" | sed "s/$(date +%Y)/YEAR/"; cat "$d"/trace-*.log; rm -r "$d"
--- stdout
trace-YEAR.log
hello
