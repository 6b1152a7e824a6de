# At the default ring size the reader keeps up with one thread printing a
# short line on every call at full speed: 500,000 calls, over ten times what
# the ring holds at once, all printed, in order, and no loss reported.
# (Timing-dependent: a reader kept off the CPUs for long by other work could
# still fall behind; then the warning says how many lines were lost.)
# timing: not under sanitizers
# alone: the reader must keep up on CPUs that no other case is using
run: cd "$T" && d=$(mktemp -d) && { uscript -e 'probe process("./flood").function("line") { printf("%d %s\n", int_arg(1), "x") }' -c './flood 500000' > "$d/out" 2> "$d/err"; echo "status $?"; wc -l < "$d/out"; awk '$1 != NR - 1 || $2 != "x" { bad++ } END { print bad + 0, "out of order" }' "$d/out"; cat "$d/err"; rm -rf "$d"; }
--- stdout
status 0
500000
0 out of order
