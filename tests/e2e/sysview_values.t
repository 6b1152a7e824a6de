# The syscalls views of tracefs: at sys_enter_openat and sys_enter_read,
# the call's arguments by the names of the event's format file, typed as
# it declares them (openat's dfd an int, read's fd an unsigned int), the
# path read from the caller's memory; at the sys_exit views, the value
# returned ($ret, -errno on failure), and $__syscall_nr at both.
run: cd "$T" && uscript "$D/sysview_values.up" -c ./sysview
--- stdout
sys_enter_openat: /etc/passwd dfd=-100 flags=0x80000 mode=0 nr=257
kernel.trace("syscalls:sys_exit_openat"): ret=3 nr=257
sys_enter_read: fd=3 buf=1 count=42 nr=0
kernel.trace("syscalls:sys_exit_read"): ret=42 nr=0
sys_enter_read: fd=4294967291 buf=1 count=3 nr=0
kernel.trace("syscalls:sys_exit_read"): ret=-9 nr=0
sys_enter_openat: /nonexistent/sysview dfd=-100 flags=0x41 mode=640 nr=257
kernel.trace("syscalls:sys_exit_openat"): ret=-2 nr=257
