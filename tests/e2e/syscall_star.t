# syscall.* is one probe a system call (and syscall.*.return one a
# return); name tells them apart.  Counted for the target under -c: its
# one write, its one exit_group, and among its openat calls the three of
# its own after the loader's.
run: cd "$T" && uscript -e 'global calls, fails; probe syscall.* { if (pid() == target()) calls[name]++ } probe syscall.*.return { if (pid() == target() && retval < 0) fails[name, retstr]++ } probe end { printf("write %d, exit_group %d, openat %d\n", calls["write"], calls["exit_group"], calls["openat"] >= 3); foreach ([n, r] in fails) if (n == "openat") printf("%s failed: %s\n", n, r) }' -c ./sysfiles
--- stdout
write 1, exit_group 1, openat 1
openat failed: -2 (ENOENT)
