# Raw tracepoints give SystemTap's kernel.trace variables, typed by the
# kernel's BTF: the file kevents opens, the bytes it reads and writes, the
# signal it sends itself, its children's pids, exec and exit codes, and
# the time it sleeps.
run: cd "$T" && uscript "$D/ktrace_events.up" -c ./kevents
--- stdout
openat /etc/passwd: fd 3
read of 100 bytes
read returned 100
openat /dev/null: fd 3
write of 8 bytes: kevents\n
signal 10 to the target
child 1 exited with 7, a child of the target: 1
signal 17 to the target
child exec /bin/true as true, pid kept: 1
child 2 exited with 0, a child of the target: 1
signal 17 to the target
sleep of 50 ms
