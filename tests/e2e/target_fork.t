# A -c command that forks runs as it does untraced (same output, same
# status), and a probe on its file fires in the forked child too, as
# SystemTap's does: work(1) twice in the command, work(2) once in the child.
run: cd "$T" && { ./family fork; echo "status $?"; uscript -e 'global n; probe process("./family").function("work") { n[pid() == target() ? "command" : "child", int_arg(1)]++ } probe end { foreach ([w, i+] in n) printf("%s work(%d) %d\n", w, i, n[w, i]) }' -c './family fork'; echo "status $?"; }
--- stdout
child
parent: child exited 3
status 0
child
parent: child exited 3
command work(1) 2
child work(2) 1
status 0
