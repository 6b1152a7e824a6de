# The syscalls views are known from tracefs: where it is not mounted,
# uscript mounts it for as long as it reads the events' format files, and
# unmounts it again (checked in a mount namespace of its own); where it
# cannot be read (an ordinary user), a view says so.
run: unshare -m --propagation private sh -c 'umount /sys/kernel/tracing 2>/dev/null; uscript -v -L "kernel.trace(\"syscalls:sys_enter_read\")" 2>&1 | grep -E "formats|^kernel"; if mountpoint -q /sys/kernel/tracing; then echo mounted; else echo unmounted; fi'; d=$(mktemp -d); chmod 755 $d; cp "$(readlink -f "${USCRIPT_REAL:-$(command -v uscript)}")" $d; cd $d && setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all ./uscript -l 'kernel.trace("syscalls:sys_enter_openat")'; s=$?; rm -r $d; exit $s
--- stdout
uscript: mounted tracefs at /sys/kernel/tracing to read the syscalls events' formats
kernel.trace("syscalls:sys_enter_read") $fd:unsigned int $buf:char* $count:size_t $__syscall_nr:int
unmounted
--- stderr
<list>:1:7: error: probe point kernel.trace("syscalls:sys_enter_openat") does not resolve: no tracepoint matches "syscalls:sys_enter_openat": the syscalls events are known only to tracefs, and /sys/kernel/tracing/events cannot be read: Permission denied
    1 | probe kernel.trace("syscalls:sys_enter_openat") {}
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
--- status
1
