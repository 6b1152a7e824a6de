# syscall_any and syscall_any.return: every system call of the target, by
# number and name (SystemTap's syscall_nr and name), and its retval: the
# openat that fails with ENOENT, the write of 6 bytes, the exit_group.
run: cd "$T" && uscript -e 'probe syscall_any { if (pid() == target() && (name == "write" || name == "exit_group")) printf("%s %d\n", name, syscall_nr) } probe syscall_any.return { if (pid() == target() && (name == "openat" && retval < 0 || name == "write")) printf("%s = %s\n", name, return_str(1, retval)) }' -c ./sysfiles
--- stdout
openat = -2 (ENOENT)
write 1
write = 6
exit_group 231
