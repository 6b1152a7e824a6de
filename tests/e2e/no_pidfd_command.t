# Where pidfd_open fails (under valgrind, before Linux 5.3), uscript still
# sees the -c command exit, through SIGCHLD, and reports how it ended.
# no_pidfd (built here) makes pidfd_open fail with ENOSYS.
run: ${CC:-cc} -o "$T/no_pidfd" "$D/no_pidfd.c" && cd "$T" && timeout 20 ./no_pidfd uscript -e 'global n; probe process("./ticker").function("tick") { n++ } probe end { printf("n=%d\n", n) }' -c './ticker 5'; echo "status $?"; timeout 20 ./no_pidfd uscript -e 'probe process("./add").function("add") { } probe end { println("end") }' -c "sh -c 'kill -TERM \$\$'"; echo "status $?"
--- stdout
n=5
status 0
end
status 1
--- stderr
WARNING: Child process exited with signal 15 (Terminated)
