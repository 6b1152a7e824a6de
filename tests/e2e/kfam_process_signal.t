# scheduler.*, kprocess.* and signal.* are tapset aliases on the sched
# and signal tracepoints, with SystemTap's variables: forks, execs, exits
# (code in wait's form), waits, and a signal sent and delivered.
run: cd "$T" && uscript "$D/kfam_process_signal.up" -c ./kevents
--- stdout
kprocess.create: new_pid ok (x2)
kprocess.exec: "/bin/true", parent kevents (x1)
kprocess.exec_complete: errno 0, success 1 (x1)
kprocess.exit: code 0x0 (x1)
kprocess.exit: code 0x700 (x1)
kprocess.start: in the child, ok (x2)
process_exit: priority 120 (x2)
process_fork: child of the target (x2)
process_wait (x2)
signal.handle: SIGUSR1 0, info 1 (x1)
signal_generate: SIGCHLD 17 to kevents, shared 1, SI_USER or SI_TIMER or SI_ASYNCIO (x2)
signal_generate: SIGUSR1 10 to kevents, shared 1, SI_USER or SI_TIMER or SI_ASYNCIO (x1)
signal_send: 10 USR1 (x1)
signal_send: 17 CHLD (x2)
wakeup_new: tid 1, priority 120, on cpu 1 (x2)
