# Under -x too, a bare process(…) probe fires in the process's descendants
# forked after uscript attached: the child that execs the same program,
# and the grandchild it forks.  The process waits for a file, made once
# uscript says (-v) that its probe is attached.
run: cd "$T" && f=$(mktemp -u) && log=$(mktemp) && { ./family await $f > /dev/null & p=$!; } && { uscript -v -x $p -e 'global n; probe process.function("work") { n[pid() == target() ? "target" : ppid() == target() ? "child" : "grandchild", int_arg(1)]++ } probe end { foreach ([w, i+] in n) printf("%s work(%d) %d\n", w, i, n[w, i]) }' 2> $log & u=$!; } && for i in $(seq 500); do grep -q 'attached' $log && break; sleep 0.01; done && touch $f && wait $u; rm -f $f $log
--- stdout
child work(1) 2
grandchild work(2) 1
target work(30) 2
