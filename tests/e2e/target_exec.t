# A -c command that execs runs as it does untraced, and stays the target:
# process.… probes fire before and after the exec (the same file here), and
# the exec'd program's status is reported as SystemTap reports it.
run: cd "$T" && { ./family exec; echo "status $?"; uscript -e 'global n; probe process.function("work") { n[int_arg(1)] += pid() == target() } probe end { foreach (i+ in n) printf("work(%d) in the target: %d\n", i, n[i]) }' -c './family exec'; echo "status $?"; }
--- stdout
exec
leaf
status 4
exec
leaf
work(10) in the target: 1
work(20) in the target: 1
status 1
--- stderr
WARNING: Child process exited with status 4
