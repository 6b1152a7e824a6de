# syscall.openat's variables (dfd, filename, flags, mode), and on return
# retval and retstr with the errno's name, as SystemTap's return_str gives
# it; a call that succeeds gives its descriptor.
run: cd "$T" && uscript -e 'probe syscall.openat { if (pid() == target() && isinstr(filename, "nonexistent")) printf("dfd=%d filename=%s flags=%d (%s) mode=%#o\n", dfd, filename, flags, flags_str, mode) } probe syscall.openat.return { if (pid() == target()) printf("%s = %s [%d]\n", name, retstr, retval) }' -c ./sysfiles
--- stdout
openat = 3 [3]
openat = 3 [3]
openat = 3 [3]
dfd=-100 filename="/nonexistent/uscript-sysfiles" flags=577 (O_WRONLY|O_CREAT|O_TRUNC) mode=0640
openat = -2 (ENOENT) [-2]
openat = 3 [3]
