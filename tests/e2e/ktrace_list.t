# -l and -L list tracepoints as SystemTap names them, SUBSYSTEM:EVENT, and
# -L their TP_PROTO arguments with their BTF types.
run: uscript -l 'kernel.trace("sched:sched_process_[ef]x*")'; uscript -L 'kernel.trace("sched_switch")'; uscript -L 'kernel.trace("signal_generate")'; uscript -l 'kernel.trace("*")' | grep -c '^kernel.trace("'  | awk '{ print ($1 > 500) }'
--- stdout
kernel.trace("sched:sched_process_exec")
kernel.trace("sched:sched_process_exit")
kernel.trace("sched:sched_switch") $preempt:bool $prev:struct task_struct* $next:struct task_struct* $prev_state:unsigned int
kernel.trace("signal:signal_generate") $sig:int $info:struct kernel_siginfo* $task:struct task_struct* $group:int $result:int
1
