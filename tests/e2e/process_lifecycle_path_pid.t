# process("PATH").begin and .end fire in whatever process runs that file,
# however it was named (/bin/true is /usr/bin/true); process(PID).end and
# .syscall only in that process; .thread.begin and .thread.end in each
# thread but the first.
run: cd "$T" && uscript -e 'probe process("/bin/true").begin { printf("true begins: %s, a child of the target: %d\n", execname(), ppid() == target()) } probe process("true").end { println("true ends") }' -c ./kevents; ./ticker 40 & uscript -e "probe process($!).end { printf(\"%s ends\n\", execname()); exit() } probe process($!).syscall { n[pid()]++ } probe end { foreach (p in n) printf(\"%d syscalls of the ticker: %d\n\", p == $!, n[p] > 10) } global n"; uscript -e 'probe process.thread.begin { b += tid() != pid() } probe process.thread.end { e += tid() != pid() } probe end { printf("%d threads began, %d ended\n", b, e) } global b, e' -c './threads 100 2'
--- stdout
true begins: true, a child of the target: 1
true ends
ticker ends
1 syscalls of the ticker: 1
2 threads began, 2 ended
