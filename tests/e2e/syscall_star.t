# syscall.* is one probe a system call; name tells them apart.  Counted for
# the target under -c: its one write, its one exit_group, and among its
# openat calls the three of its own after the loader's.
run: cd "$T" && uscript -e 'global calls; probe syscall.* { if (pid() == target()) calls[name]++ } probe end { printf("write %d, exit_group %d, openat %d\n", calls["write"], calls["exit_group"], calls["openat"] >= 3) }' -c ./sysfiles
--- stdout
write 1, exit_group 1, openat 1
