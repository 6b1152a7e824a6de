# -x PID on a process that is stopped and continued: uscript is not stopped
# by the stop, and sees every tick before and after it.
run: cd "$T" && { ./ticker 50 & p=$!; uscript -x $p -e 'global n; probe process.function("tick") { n++ } probe end { printf("ticks %d\n", n > 20) }' & u=$!; sleep 0.3; kill -STOP $p; sleep 0.5; kill -0 $u && echo "uscript still running"; kill -CONT $p; wait $u; echo "status $?"; wait $p; echo "ticker status $?"; }
--- stdout
uscript still running
ticks 1
status 0
ticker status 0
