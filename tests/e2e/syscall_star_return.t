# syscall.*.return is one probe a system call's return, with name, retval
# and retstr: the target's one failing openat (ENOENT) and its write of 6
# bytes.
run: cd "$T" && uscript -e 'global fails, wrote; probe syscall.*.return { if (pid() == target()) { if (retval < 0 && name == "openat") fails[name, retstr]++; if (name == "write") wrote = retval } } probe end { foreach ([n, r] in fails) printf("%s failed: %s\n", n, r); printf("write returned %d\n", wrote) }' -c ./sysfiles
--- stdout
openat failed: -2 (ENOENT)
write returned 6
