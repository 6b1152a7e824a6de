# task_rlimit_nofile and the other task_rlimit_* read the task's soft
# limits from its signal_struct: the shell's ulimit -n 77 and -c 0 show
# in the program it execs; task_rlimit takes the limit's name, and -1 for
# a name that is none.
run: cd "$T" && uscript -e 'probe kernel.trace("sched_process_exec") { if (pid() != target() || execname() != "add") next; t = task_current(); printf("%d %d %d %d %d\n", task_rlimit_nofile(t), task_rlimit(t, "RLIMIT_NOFILE"), task_rlimit(t, "RLIMIT_BOGUS"), task_rlimit_core(t), task_rlimit_stack(t) == task_rlimit(t, "RLIMIT_STACK")) }' -c "sh -c 'ulimit -n 77; ulimit -c 0; exec ./add'"
--- stdout
77 77 -1 0 1
