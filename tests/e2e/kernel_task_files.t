# task_open_file_handles counts the target's open descriptors: three more
# after the shell opens 7, 8 and 9 and execs ./add; task_max_file_handles
# is the file table's size, at least 64; pstrace starts with the target
# and its parent, as task_execname and task_pid name them; task_stime and
# task_utime are the current task's times, which grow.
run: cd "$T" && uscript -e 'probe kernel.trace("sched_process_exec") { if (pid() != target()) next; t = task_current(); if (execname() == "sh") { before = task_open_file_handles(t); next } printf("%d more, max %d, %d\n", task_open_file_handles(t) - before, task_max_file_handles(t) >= 64, substr(pstrace(t), 0, strlen(sprintf(" add(%d) %s(%d)", pid(), task_execname(task_parent(t)), ppid()))) == sprintf(" add(%d) %s(%d)", pid(), task_execname(task_parent(t)), ppid())); s = task_stime(); u = task_utime() } probe kernel.trace("sched_process_exit") { if (pid() == target() && tid() == pid()) printf("times %d %d\n", task_stime() + task_utime() > s + u, task_stime() >= s) } global before, s, u' -c "sh -c 'exec 7</dev/null 8</dev/null 9</dev/null; exec ./add 20000000'"
--- stdout
3 more, max 1, 1
times 1 1
