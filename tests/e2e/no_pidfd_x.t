# Where pidfd_open fails, uscript still sees the -x process exit: it looks
# at /proc/PID every tenth of a second.  A pid with no process is refused
# as before.  no_pidfd (built here) makes pidfd_open fail with ENOSYS.
run: ${CC:-cc} -o "$T/no_pidfd" "$D/no_pidfd.c" && cd "$T" && { ./ticker 100 & pid=$!; }; timeout 20 ./no_pidfd uscript -x $pid -e 'global n; probe process("./ticker").function("tick") { n++ } probe end { printf("end %s\n", n > 0 ? "after ticks" : "without a tick") }'; echo "status $?"; wait $pid; ./no_pidfd uscript -x $pid -e 'probe process("./ticker").function("tick") { }' 2>&1 | sed "s/ $pid: / PID: /"; echo "status ${PIPESTATUS[0]}"
--- stdout
end after ticks
status 0
uscript: -x PID: no such process
status 1
