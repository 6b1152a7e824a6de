# syscall.open* is every open-family call (open, openat, openat2, ...):
# name, and argstr as SystemTap writes it, the directory by name, the path
# quoted, the flags by name, the mode in octal when O_CREAT asks for one.
run: cd "$T" && uscript -e 'probe syscall.open* { if (pid() == target() && (isinstr(filename, "null") || isinstr(filename, "nonexistent"))) printf("%s (%s)\n", name, argstr) }' -c ./sysfiles
--- stdout
openat (AT_FDCWD, "/dev/null", O_RDONLY|O_CLOEXEC)
openat (AT_FDCWD, "/nonexistent/uscript-sysfiles", O_WRONLY|O_CREAT|O_TRUNC, 0640)
openat (AT_FDCWD, "/dev/null", O_WRONLY)
