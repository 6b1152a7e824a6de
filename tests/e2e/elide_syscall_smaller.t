# The program of elide_syscall.up, whose alias reads a user string for a
# local nothing reads: elided, its LLVM IR (-p3) is shorter and the
# verifier has less work than with -u's program (the figures every run
# appends to $USCRIPT_VERIFIER_STATS); and it runs where -u's program
# faults at the read.
run: cd "$T" && d=$(mktemp -d) && ir=$(uscript -w -p3 "$D/elide_syscall.up" | wc -l) && iru=$(uscript -u -p3 "$D/elide_syscall.up" | wc -l) && { [ "$ir" -lt "$iru" ] && echo "shorter IR" || echo "IR: $ir lines, with -u $iru"; } && USCRIPT_VERIFIER_STATS=$d/elided uscript -w "$D/elide_syscall.up" -c './add 2' && { USCRIPT_VERIFIER_STATS=$d/kept uscript -u "$D/elide_syscall.up" -c './add 2' 2>/dev/null; echo "-u: status $?"; } && cat "$d/elided" "$d/kept" >> "$USCRIPT_VERIFIER_STATS" && e=$(awk '{ n += $1 } END { print n }' "$d/elided") && k=$(awk '{ n += $1 } END { print n }' "$d/kept") && { [ "$e" -lt "$k" ] && echo "less work for the verifier" || echo "verifier: $e instructions, with -u $k"; }; rm -rf "$d"
--- stdout
shorter IR
called
-u: status 1
less work for the verifier
