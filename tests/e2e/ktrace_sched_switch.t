# At sched_switch the task switched out is the current one: $prev->pid is
# tid(), $prev->tgid pid(), and the comm of $prev execname(), at every
# switch on the machine; the target, which sleeps, is switched out in a
# sleeping state at least once, and $next is another task.
run: cd "$T" && uscript -e 'probe kernel.trace("sched:sched_switch") { n++; if ($prev->pid != tid() || $prev->tgid != pid() || kernel_string($prev->comm) != execname()) bad++; if ($prev->tgid == target() && $prev_state) slept++; if ($next == $prev) same++ } probe end { printf("%d switches seen, %d not of the current task, the target slept: %d, to itself: %d\n", n > 10, bad, slept > 0, same) } global n, bad, slept, same' -c ./kevents
--- stdout
1 switches seen, 0 not of the current task, the target slept: 1, to itself: 0
