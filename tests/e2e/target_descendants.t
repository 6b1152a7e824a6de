# A bare process(…) probe under -c fires in the target's descendants too,
# as SystemTap's does: a child that execs the same program, and the
# grandchild it forks.  A .return point stays with the target (the kernel's
# pid filter): a return probe must not touch processes outside the family,
# which a descendant's cannot rule out.
run: cd "$T" && uscript -e 'global n, r; probe process.function("work") { n[pid() == target() ? "target" : ppid() == target() ? "child" : "grandchild", int_arg(1)]++ } probe process.function("work").return { r[pid() == target(), int_arg(1)]++ } probe end { foreach ([w, i+] in n) printf("%s work(%d) %d\n", w, i, n[w, i]); foreach ([t, i] in r) printf("return in the target %d: work(%d) %d\n", t, i, r[t, i]) }' -c './family spawn' -p2 | grep -c 'target and descendants'; uscript -e 'global n, r; probe process.function("work") { n[pid() == target() ? "target" : ppid() == target() ? "child" : "grandchild", int_arg(1)]++ } probe process.function("work").return { r[pid() == target(), int_arg(1)]++ } probe end { foreach ([w, i+] in n) printf("%s work(%d) %d\n", w, i, n[w, i]); foreach ([t, i] in r) printf("return in the target %d: work(%d) %d\n", t, i, r[t, i]) }' -c './family spawn'
--- stdout
1
child
parent: child exited 3
spawn: child exited 0
child work(1) 2
grandchild work(2) 1
target work(30) 2
return in the target 1: work(30) 2
