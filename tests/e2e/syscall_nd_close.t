# nd_syscall.NAME is syscall.NAME here: the same variables (fd), argstr
# and, on return, retstr.
run: cd "$T" && uscript -e 'global last, ret; probe nd_syscall.close { if (pid() == target()) last = sprintf("%s(%s) fd=%d", name, argstr, fd) } probe nd_syscall.close.return { if (pid() == target()) ret = retstr } probe end { printf("%s = %s\n", last, ret) }' -c ./sysfiles
--- stdout
close(3) fd=3 = 0
