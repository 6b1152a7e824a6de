# RLIMIT_MEMLOCK is never needed: with the limit at 0 and no capability to
# raise it (CAP_SYS_RESOURCE and CAP_IPC_LOCK dropped), the script loads,
# attaches and prints; the kernel charges BPF memory to the cgroup instead.
run: cd "$T" && setpriv --bounding-set=-sys_resource,-ipc_lock prlimit --memlock=0:0 sh -c 'echo "limit $(ulimit -l)"; ulimit -l 64 2>/dev/null || echo "cannot raise it"; exec uscript -e "global a; probe process(\"./add\").function(\"add\") { a[int_arg(1)] = int_arg(2); printf(\"%d\n\", int_arg(1)) }" -c "./add 3"'; echo "status $?"
--- stdout
limit 0
cannot raise it
0
1
2
a[2]=3
a[1]=2
a[0]=1
status 0
