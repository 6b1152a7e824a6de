# A perf counter, perf.sw.NAME.process("PATH").counter("NAME"), is read by
# @perf("NAME") in a process probe, as SystemTap's: ticker sleeps 10 ms
# after each tick(), a context switch at least between two ticks; its task
# clock grows.
# No handler runs for the counter itself.  Without a process to count
# (no -c, -x or process(PID)), it is an error when the probes go in.
run: cd "$T" && uscript -e 'probe perf.sw.task_clock.counter("a") {} probe process("./add").function("add") { println(@perf("a")) }' 2>&1; echo "status $?"; uscript -e 'global last, clk; probe perf.sw.context_switches.process("./ticker").counter("cs") { println("never") } probe perf.sw.task_clock.process("./ticker").counter("clk") {} probe process("./ticker").function("tick") { v = @perf("cs"); t = @perf("clk"); if ($i) printf("%d %d %d\n", $i, v - last >= 1, t > clk); last = v; clk = t }' -c './ticker 5'
--- stdout
uscript: perf.sw.task_clock.counter("a") counts the events of one process: name it with process(PID), or run it with -c CMD or -x PID
status 1
1 1 1
2 1 1
3 1 1
4 1 1
