# -x on a process whose executable was deleted (as a package upgrade does)
# probes the file the process maps, through /proc/PID/exe, for a bare
# `process` and for process(PID); pp() names it as /proc/PID/exe reads,
# " (deleted)" included.  The second time, a decoy named "PATH (deleted)"
# with the same functions exists: it is not what the process runs, and is
# not probed.
run: cd "$T" && src=$(cd "$D/../.." && pwd) && for decoy in no yes; do cp ticker deltick; { ./deltick 100 & pid=$!; }; sleep 0.1; rm deltick; [ $decoy = yes ] && cp ticker "deltick (deleted)"; timeout 20 uscript -D MAXSTRINGLEN=512 -x $pid -e 'global n, r; probe process.function("tick") { if (n++ == 0) println(pp()) } probe process('$pid').function("tick").return { if (r++ == 0) println(pp()) } probe end { printf("calls %s, returns %s\n", n ? "seen" : "missed", r ? "seen" : "missed") }' 2>&1 | sed -e "s|$src/tests/targets/|SRC/|g" -e "s|$T|T|g"; wait $pid; rm -f "deltick (deleted)"; done
--- stdout
process("T/deltick (deleted)").function("tick@SRC/ticker.c:6")
process("T/deltick (deleted)").function("tick@SRC/ticker.c:6").return
calls seen, returns seen
process("T/deltick (deleted)").function("tick@SRC/ticker.c:6")
process("T/deltick (deleted)").function("tick@SRC/ticker.c:6").return
calls seen, returns seen
