# alone: counts samples of the target, which depend on the CPUs being free
# uaddr() is where the thread is in its program from any probe: in a
# sample of user code it is addr(); in the kernel (a sample of kernel
# code, a tracepoint) it is the address the thread entered the kernel
# from, here in the C library's _exit when the target exits.
run: cd "$T" && uscript -e 'global n, ok, bad; probe timer.profile { if (pid() != target() || !user_mode()) next; n++; if (uaddr() == addr()) ok++; else bad++ } probe kernel.trace("sched_process_exit") { if (pid() == target() && tid() == pid()) printf("%d %d %d %s\n", n > 0, ok == n, bad, substr(umodname(uaddr()), strlen(umodname(uaddr())) - 9, 9)) }' -c "./add 20000000"
--- stdout
1 1 0 libc.so.6
