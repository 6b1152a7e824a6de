# -x PID: target() is PID, probes see its calls, and uscript stops when PID exits
# (here the ticker ends by itself after 60 ticks, about 0.6 s), running end.
# alone: the ticker runs for 0.6 s, and uscript must attach before it ends
run: cd "$T" && { ./ticker 60 & p=$!; uscript -x $p -e 'global n, t; probe process("./ticker").function("tick") { n++; t = target() } probe end { printf("%d %d\n", n > 0, t == $1) }' $p; echo "status $?"; }
--- stdout
1 1
status 0
