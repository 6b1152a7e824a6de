# target_set.stp: the -c target and the processes it starts, and theirs,
# are the target set (checked in the grandchild, while all three live: 1
# for itself, its parent and the target, 0 for pid 1); target_set_report()
# prints each with its parent, the target with uscript's own pid, in the
# order of the pids.  A target that stays (family catch) is reported at
# the end; its pids are named here, then it is stopped.
run: cd "$T" && uscript -e 'probe process("./family").function("work") { if ($i == 2) printf("%d %d %d %d\n", target_set_pid(pid()), target_set_pid(ppid()), target_set_pid(target()), target_set_pid(1)) }' -c './family spawn' -o "$T/target_set.out" >/dev/null; cat "$T/target_set.out"; uscript -o "$T/target_set.out" -e 'global me probe begin { me = pid() } probe process("./family").function("work") { exit() } probe end { printf("%d %d\n", me, target()); target_set_report() }' -c './family catch' >/dev/null; set -- $(head -1 "$T/target_set.out"); kill $2; sed -e "s/\b$1\b/uscript/g" -e "s/\b$2\b/target/g" "$T/target_set.out" | tail -n +2; rm -f "$T/target_set.out"
--- stdout
1 1 1 0
target set:
uscript begat target
