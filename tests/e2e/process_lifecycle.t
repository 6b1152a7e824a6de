# process.begin and .end under -c fire in the target and its descendants,
# in their own context: the target at its exec, each child as it returns
# from fork, and again when it execs /bin/true; .syscall gives $syscall and
# $arg1..6, .syscall.return $return.
run: cd "$T" && uscript -e 'probe process.begin { printf("begin %s, the target: %d, its child: %d\n", execname(), pid() == target(), ppid() == target()) } probe process.end { printf("end %s\n", execname()) } probe process.syscall { if ($syscall == 62) printf("kill(self: %d, %d)\n", $arg1 == pid(), $arg2) } probe process.syscall.return { if ($syscall == 0 && $return == 100) printf("read returned %d\n", $return) }' -c ./kevents
--- stdout
begin kevents, the target: 1, its child: 0
read returned 100
kill(self: 1, 10)
begin kevents, the target: 0, its child: 1
end kevents
begin kevents, the target: 0, its child: 1
begin true, the target: 0, its child: 1
end true
end kevents
