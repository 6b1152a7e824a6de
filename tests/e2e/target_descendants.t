# A bare process(…) probe under -c fires in the target's descendants too,
# as SystemTap's does: a child that execs the same program, and the
# grandchild it forks.  A .return point stays with the target (the kernel's
# pid filter): a return probe must not touch processes outside the family,
# which a descendant's cannot rule out; and since the breakpoint of an entry
# probe on the same function would let it, that one is kept to the target
# too (-v says so).
run: cd "$T" && uscript -e 'global n; probe process.function("work") { n[pid() == target() ? "target" : ppid() == target() ? "child" : "grandchild", int_arg(1)]++ } probe end { foreach ([w, i+] in n) printf("%s work(%d) %d\n", w, i, n[w, i]) }' -c './family spawn' && uscript -e 'global n; probe process.function("work") { n[pid() == target(), int_arg(1)]++ } probe process.function("work").return { n[pid() == target(), -int_arg(1)]++ } probe end { foreach ([t, i+] in n) printf("in the target %d: work(%d) %d\n", t, i, n[t, i]) }' -c './family spawn' && uscript -v -p2 -e 'probe process.function("work") {} probe process.function("work").return {}' -c './family spawn' 2>&1 | grep -c 'fires only in the process that'
--- stdout
child
parent: child exited 3
spawn: child exited 0
child work(1) 2
grandchild work(2) 1
target work(30) 2
child
parent: child exited 3
spawn: child exited 0
in the target 1: work(-30) 2
in the target 1: work(30) 2
1
