# Records that do not fit a small ring buffer are never lost silently: with two
# threads on two CPUs (where there are two) flooding a 4 KiB ring, some are
# lost, and the lines printed plus the count in "WARNING: Number of events
# lost: N" make up every call of both threads, exactly.
# alone: its two threads must run at once, one on each of two CPUs
run: cd "$T" && d=$(mktemp -d) && { uscript -D BUFSIZE=4096 -e 'probe process("./flood").function("line") { printf("%d %d %d\n", cpu(), tid(), int_arg(1)) }' -c './flood 100000 2' > "$d/out" 2> "$d/err"; echo "status $?"; n=$(wc -l < "$d/out"); lost=$(sed -n 's/^WARNING: Number of events lost: \([0-9]*\)$/\1/p' "$d/err"); echo "sum $((n + ${lost:-0}))"; [ "${lost:-0}" -gt 0 ] && echo "some lost"; echo "threads $(cut -d' ' -f2 "$d/out" | sort -u | wc -l)"; cpus=$(cut -d' ' -f1 "$d/out" | sort -u | wc -l); [ "$cpus" -eq "$(( $(nproc) > 1 ? 2 : 1 ))" ] && echo "cpus as pinned"; grep -vc '^WARNING: Number of events lost: [0-9]*$' "$d/err"; rm -rf "$d"; }
--- stdout
status 0
sum 200000
some lost
threads 2
cpus as pinned
0
