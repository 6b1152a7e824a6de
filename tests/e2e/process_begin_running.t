# alone: counts the .begin of every process running on the machine
# A process already running when the probes go in gets its .begin once, in
# its own context, at its next return from a system call, as SystemTap
# calls .begin once for each at the start: process(PID), a bare process
# under -x, process("PATH"); and every process for a bare process.begin
# without a target.
run: cd "$T" && (./ticker 300 &); sleep 0.2; p=$(pgrep -n -f "ticker 300"); uscript -e "probe process($p).begin { printf(\"%s %d\n\", execname(), pid() == $p); exit() }"; uscript -e 'probe process.begin { printf("%s %d\n", execname(), pid() == target()); exit() }' -x $p; uscript -e 'probe process("./ticker").begin { printf("%s %d\n", execname(), pid() == $1); n++ } probe timer.ms(100) { exit() } probe end { println(n) } global n' $p; uscript -e 'probe process.begin { n[pid()]++ } probe timer.ms(300) { exit() } probe end { foreach (p in n) { count++; if (n[p] > 1) twice++ } printf("%d %d\n", count > 3, twice) } global n, twice, count'; kill $p
--- stdout
ticker 1
ticker 1
ticker 1
1
1 0
