# task_current() and the task_* family read the current task through the
# offsets of the kernel's BTF: pid, tid, parent, name, state, ids, CPU,
# nice and priority agree with pid(), ppid(), cpu() and `nice -n 5`;
# errno_str names an errno either way round, and nothing for others;
# user_mode() is 0 at a tracepoint.
run: cd "$T" && uscript -e 'probe kernel.trace("sched_process_exec") { if (pid() != target()) next; t = task_current(); printf("%d %d %d %s %d %d %d %d %d %d %d %s %s [%s] %d %d\n", task_pid(t) == pid(), task_tid(t) == tid(), task_pid(task_parent(t)) == ppid(), task_execname(t), task_state(t), task_uid(t) == uid(), task_gid(t) == gid(), task_euid(t) == uid(), task_cpu(t) == cpu(), task_nice(t), task_prio(t), errno_str(2), errno_str(-13), errno_str(3333), user_mode(), $p == t) }' -c '/usr/bin/nice -n 5 ./add 1'
--- stdout
1 1 1 nice 0 1 1 1 1 0 20 ENOENT EACCES [] 0 1
1 1 1 add 0 1 1 1 1 5 25 ENOENT EACCES [] 0 1
