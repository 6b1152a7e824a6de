# Kernel-side probes leave nothing behind however uscript stops: a normal
# end, exit(), a runtime error, SIGINT, and SIGKILL while they fire — no
# program, map, link or perf event, and tracefs mounted as it was.
# alone: leftovers.sh takes any BPF object loaded meanwhile for this case's,
# and pkill -f stops every ticker with the same command line
run: m=$("$D/leftovers.sh" mark); P='probe kernel.trace("sched_switch") { n++ } probe timer.profile { n++ } probe perf.sw.task_clock { n++ } probe process.begin { n++ } probe process.syscall { n++ } probe end { if (n < 0) println(n) }'; uscript -e "$P global n probe end { println(n > 0) }" -c "$T/ticker 20"; uscript -e "$P global n probe timer.ms(200) { exit() }"; echo "status $?"; uscript -e "$P global n probe kernel.trace(\"sched_switch\") { error(\"stop\") }" 2>&1; echo "status $?"; timeout --foreground --preserve-status -s INT 0.5 uscript -e "$P global n"; echo "status $?"; uscript -e "$P global n" -c "$T/ticker 0" & pid=$!; sleep 0.5; kill -9 $pid; wait $pid 2>/dev/null; echo "status $?"; pkill -f "$T/ticker 0"; "$D/leftovers.sh" check $m
--- stdout
1
status 0
ERROR: stop near <input>:1:245
status 1
status 0
status 137
no leftovers
