# process.function(...) with -c fires in the target and its descendants
# only: another copy of the same program, running at the same time, is
# not traced (it traps, and the probe's program leaves it at once).
run: cd "$T" && { ./ticker 0 & other=$!; } && uscript -e 'global n; probe process.function("tick") { n++ } probe end { printf("%d\n", n) }' -c './ticker 5'; kill $other
--- stdout
5
