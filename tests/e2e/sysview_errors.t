# A syscalls view that does not exist is an error at its place, with the
# views of the closest names; a field the event lacks names those it has;
# a system call's argument is a number, with no members to follow.
run: for s in 'probe kernel.trace("syscalls:sys_enter_opnat") {}' 'probe kernel.trace("syscalls:sys_enter_openat") { println($count) }' 'probe kernel.trace("syscalls:sys_exit_openat") { println($filename) }' 'probe kernel.trace("syscalls:sys_enter_openat") { println($filename->x) }'; do uscript -p2 -e "$s" 2>&1; echo "status ${PIPESTATUS[0]}"; done
--- stdout
<input>:1:7: error: probe point kernel.trace("syscalls:sys_enter_opnat") does not resolve: no tracepoint matches "syscalls:sys_enter_opnat" (similar: sys_enter_openat, sys_enter_openat2, sys_enter_creat, sys_enter_linkat, sys_enter_mount)
    1 | probe kernel.trace("syscalls:sys_enter_opnat") {}
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:59: error: no target variable $count at kernel.trace("syscalls:sys_enter_openat"): its fields are $dfd, $filename, $flags, $mode and $__syscall_nr
    1 | probe kernel.trace("syscalls:sys_enter_openat") { println($count) }
      |                                                           ^~~~~~
status 1
<input>:1:58: error: no target variable $filename at kernel.trace("syscalls:sys_exit_openat"): its fields are $ret and $__syscall_nr
    1 | probe kernel.trace("syscalls:sys_exit_openat") { println($filename) }
      |                                                          ^~~~~~~~~
status 1
<input>:1:59: error: cannot read $filename at kernel.trace("syscalls:sys_enter_openat"): a system call's argument is a number, here an address in the caller's memory: read it with user_string(), user_long() and the like
    1 | probe kernel.trace("syscalls:sys_enter_openat") { println($filename->x) }
      |                                                           ^~~~~~~~~~~~
status 1
