# syscall.read: fd, buf_uaddr and count as SystemTap names them, argstr
# "fd, buffer, count", and the return's retstr (0 bytes from /dev/null).
run: cd "$T" && uscript -e 'global reading; probe syscall.read { if (pid() == target() && count == 7) { reading[tid()] = 1; printf("%s fd=%d count=%d buffer=%s argstr=%s\n", name, fd, count, buf_uaddr ? "set" : "none", substr(argstr, 0, 3)) } } probe syscall.read.return { if (tid() in reading) { delete reading[tid()]; printf("%s = %s\n", name, retstr) } }' -c ./sysfiles
--- stdout
read fd=3 count=7 buffer=set argstr=3, 
read = 0
