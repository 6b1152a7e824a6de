# Without access to tracefs (an ordinary user), tracepoints are listed by
# their names alone, from BTF, and a SUBSYSTEM:EVENT point says why it
# cannot match and what to write instead.
run: d=$(mktemp -d); chmod 755 $d; cp "$(readlink -f "${USCRIPT_REAL:-$(command -v uscript)}")" $d; cd $d && setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all ./uscript -l 'kernel.trace("sched_switch")'; setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all ./uscript -l 'kernel.trace("sched:sched_switch")'; s=$?; rm -r $d; exit $s
--- stdout
kernel.trace("sched_switch")
--- stderr
<list>:1:7: error: probe point kernel.trace("sched:sched_switch") does not resolve: no tracepoint matches "sched:sched_switch": the subsystems are known only to tracefs, and /sys/kernel/tracing/events cannot be read: Permission denied; name the event alone, as in kernel.trace("sched_switch")
    1 | probe kernel.trace("sched:sched_switch") {}
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
--- status
1
