# A system call of 32-bit code is numbered as ia32 numbers it: the raw
# tracepoint sees ia32's getpid as 20, and the view of x86-64's call 20,
# writev, does not fire, as the kernel's own syscalls events do not.
run: cd "$T" && uscript -e 'probe kernel.trace("syscalls:sys_enter_writev"), kernel.trace("syscalls:sys_exit_writev") { if (pid() == target()) println(pp()) } probe kernel.trace("raw_syscalls:sys_enter") { if (pid() == target() && $id == 20) println("raw_syscalls:sys_enter 20") }' -c ./compat_call | sort
--- stdout
ia32 getpid: ok
raw_syscalls:sys_enter 20
