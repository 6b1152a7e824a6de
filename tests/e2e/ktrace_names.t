# $$name and $$system name the tracepoint that fired and its subsystem, as
# in SystemTap; $$parms lists its arguments, each in hex.
run: cd "$T" && uscript -e 'probe kernel.trace("sched:sched_process_e*") { if (pid() == target()) printf("%s %s %s\n", $$system, $$name, $$parms) }' -c ./add | sed -E 's/0x[0-9a-f]+/HEX/g'
--- stdout
sched sched_process_exec p=HEX old_pid=HEX bprm=HEX
sched sched_process_exit p=HEX group_dead=HEX
