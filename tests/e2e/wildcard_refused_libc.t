# A wildcard over a copy of the system's C library (entry probes only, in
# the one process that runs with the copy): the function of Debian 12's
# glibc whose first instruction the kernel cannot probe (pthread_spin_lock,
# a lock prefix) is left out with a warning, and the rest are probed.  Its
# exported functions only, as on a system without libc6-dbg: the debug
# path names no root, so an installed debug file is not used.
run: d=$(mktemp -d) && cp /lib/x86_64-linux-gnu/libc.so.6 "$d" && cd "$d" && SYSTEMTAP_DEBUGINFO_PATH=/nonexistent uscript -e 'global n; probe process("./libc.so.6").function("*") { n++ } probe end { if (n > 100) println("the copy was probed") }' -c "env LD_LIBRARY_PATH=$d ls -d /"; s=$?; rm -rf "$d"; exit $s
--- stdout
/
the copy was probed
--- stderr
<input>:1:17: warning: 1 probe point of process("./libc.so.6").function("*") cannot be probed and was skipped (-v names it)
    1 | global n; probe process("./libc.so.6").function("*") { n++ } probe end { if (n > 100) println("the copy was probed") }
      |                 ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
