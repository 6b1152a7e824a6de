# The same filter with perf-event links.
run: cd "$T" && { ./ticker 0 & other=$!; } && USCRIPT_NO_UPROBE_MULTI=1 uscript -e 'global n; probe process.function("tick") { n++ } probe end { printf("%d\n", n) }' -c './ticker 5'; kill $other
--- stdout
5
