# A probe of its own on each syscalls view, as a library of aliases puts
# them (a name, an argument string): hundreds of handlers, which a few
# programs on sys_enter call by the number, each handler on a path of its
# own, each program within the verifier's limits; each call runs its own
# handler only.
run: cd "$T" && uscript -l 'kernel.trace("syscalls:sys_enter_*")' | sed 's/^kernel.trace("syscalls:sys_enter_\(.*\)")$/probe kernel.trace("syscalls:sys_enter_\1") { if (pid() == target()) { name = "\1"; argstr = sprintf("%d %s", $__syscall_nr, pp()); seen[name] = argstr } }/' > many.up && echo 'global seen; probe end { foreach (k in seen) n++; printf("%s\n%s\n%s\n%s\n", seen["openat"], seen["read"], seen["close"], n > 3 ? "more" : "few") }' >> many.up && wc -l < many.up | awk '{ print ($1 > 300) ? "more than 300 probes" : $1 }' && uscript -v many.up -c ./sysview 2> verbose && grep -c 'on the raw tracepoint sys_enter$' verbose | awk '{ print ($1 <= 4) ? "at most 4 programs" : $1 " programs" }'
--- stdout
more than 300 probes
257 kernel.trace("syscalls:sys_enter_openat")
0 kernel.trace("syscalls:sys_enter_read")
3 kernel.trace("syscalls:sys_enter_close")
more
at most 4 programs
