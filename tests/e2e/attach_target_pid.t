# process.function(...) with -c is filtered by the target's pid in the
# kernel: another copy of the same program, running at the same time, is
# not traced.
run: cd "$T" && { ./ticker 0 & other=$!; } && uscript -e 'global n; probe process.function("tick") { n++ } probe end { printf("%d\n", n) }' -c './ticker 5'; kill $other
--- stdout
5
