# -x PID on a process that is stopped and continued: uscript is not stopped
# by the stop, and goes on tracing after it, to the last tick (tick(49)).
# alone: uscript must attach within 0.3 s, and the ticker, stopped for a fixed
# half second, must still have ticks to run
run: cd "$T" && { ./ticker 50 & p=$!; uscript -x $p -e 'global n, last; probe process.function("tick") { n++; last = int_arg(1) } probe end { printf("ticks %d, last %d\n", n > 0, last) }' & u=$!; sleep 0.3; kill -STOP $p; sleep 0.5; kill -0 $u && echo "uscript still running"; kill -CONT $p; wait $u; echo "status $?"; wait $p; echo "ticker status $?"; }
--- stdout
uscript still running
ticks 1, last 49
status 0
ticker status 0
