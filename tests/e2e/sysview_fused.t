# Every probe on the syscalls views of one direction runs in one program
# on raw_syscalls:sys_enter (and one on sys_exit), which chooses by the
# call's number: "syscalls:sys_enter_*" is one program, attached once,
# and its handler is one function however many calls it names.  Two
# probes on one call run in the script's order, and the raw tracepoints
# and process.syscall beside the views still fire.
run: cd "$T" && uscript -v -e 'probe kernel.trace("syscalls:sys_enter_*") { if (pid() == target()) all[probefunc()]++ } probe kernel.trace("syscalls:sys_enter_read") { if (pid() == target() && $count == 42) println("first") } probe kernel.trace("syscalls:sys_enter_read") { if (pid() == target() && $count == 42) println("second") } probe kernel.trace("syscalls:sys_exit_read") { if (pid() == target() && $ret == 42) println("exit 42") } probe kernel.trace("raw_syscalls:sys_enter") { if (pid() == target() && $id == 257) raw++ } probe process.syscall { if ($syscall == 257) life++ } probe end { printf("openat %d, read %d, close %d, raw openat %d, process.syscall openat %d\n", all["sys_enter_openat"] == raw, all["sys_enter_read"] >= 3, all["sys_enter_close"] > 0, raw > 0, life == raw) } global all, raw, life' -c ./sysview 2> verbose; grep -c 'on the raw tracepoint sys_enter$' verbose; grep -c 'on the raw tracepoint sys_exit$' verbose
--- stdout
first
second
exit 42
openat 1, read 1, close 1, raw openat 1, process.syscall openat 1
3
1
