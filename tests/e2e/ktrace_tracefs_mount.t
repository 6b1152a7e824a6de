# Where tracefs is not mounted, kernel.trace mounts it to read the
# tracepoints' subsystems, says so with -v, and unmounts it again: the
# mount is the only change to the system, and it does not outlive uscript.
# Checked in a mount namespace of its own, with tracefs unmounted there.
run: unshare -m --propagation private sh -c 'umount /sys/kernel/tracing 2>/dev/null; uscript -v -l "kernel.trace(\"sched:sched_switch\")" 2>&1 | grep -E "tracefs|^kernel"; uscript -l "kernel.trace(\"sched:sched_switch\")"; if mountpoint -q /sys/kernel/tracing; then echo mounted; else echo unmounted; fi'
--- stdout
uscript: mounted tracefs at /sys/kernel/tracing to read the tracepoints' subsystems
uscript: unmounted tracefs from /sys/kernel/tracing
kernel.trace("sched:sched_switch")
kernel.trace("sched:sched_switch")
unmounted
