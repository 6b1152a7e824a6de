# needs: nothing
# @perf's errors at their place: not a literal name, outside process
# probes, a name no counter has; a counter's name empty or given twice;
# hardware counters on a machine without them.
run: cd "$T" && for s in 'probe process("./ticker").function("tick") { println(@perf(1) + @perf("")) }' 'probe perf.sw.task_clock.process("./ticker").counter("a") {} probe begin { println(@perf("a")) }' 'probe perf.sw.task_clock.process("./ticker").counter("") {} probe perf.sw.page_faults.counter("x") {} probe perf.sw.task_clock.counter("x") {}' 'probe perf.hw.instructions.process("./ticker").counter("a") {}'; do uscript -p2 -e "$s" 2>&1; echo "status $?"; done; uscript -p4 -o /dev/null -e 'probe perf.sw.task_clock.process("./ticker").counter("a") {} probe process("./ticker").function("tick") { println(@perf("b")) }' 2>&1; echo "status $?"
--- stdout
<input>:1:54: error: @perf takes the name of a perf counter, a literal string: @perf("NAME"), declared by a probe such as perf.sw.task_clock.process("PATH").counter("NAME") {}
    1 | probe process("./ticker").function("tick") { println(@perf(1) + @perf("")) }
      |                                                      ^~~~~
<input>:1:65: error: @perf takes the name of a perf counter, a literal string: @perf("NAME"), declared by a probe such as perf.sw.task_clock.process("PATH").counter("NAME") {}
    1 | probe process("./ticker").function("tick") { println(@perf(1) + @perf("")) }
      |                                                                 ^~~~~
status 1
<input>:1:84: error: @perf() can only be used in process probes
    1 | probe perf.sw.task_clock.process("./ticker").counter("a") {} probe begin { println(@perf("a")) }
      |                                                                                    ^~~~~~~~~~
status 1
<input>:1:7: error: probe point perf.sw.task_clock.process("./ticker").counter("") does not resolve: a perf counter is named: .counter("NAME"), which @perf("NAME") reads
    1 | probe perf.sw.task_clock.process("./ticker").counter("") {} probe perf.sw.page_faults.counter("x") {} probe perf.sw.task_clock.counter("x") {}
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
<input>:1:109: error: probe point perf.sw.task_clock.counter("x") does not resolve: a second perf counter named "x"
    1 | probe perf.sw.task_clock.process("./ticker").counter("") {} probe perf.sw.page_faults.counter("x") {} probe perf.sw.task_clock.counter("x") {}
      |                                                                                                             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:7: error: probe point perf.hw.instructions.process("./ticker").counter("a") does not resolve: this machine has no hardware performance counters (the kernel lists no "cpu" event source): use perf.sw.cpu_clock
    1 | probe perf.hw.instructions.process("./ticker").counter("a") {}
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:115: error: @perf("b"): no perf counter of that name: declare one with a probe such as perf.sw.task_clock.process("PATH").counter("b") {}
    1 | probe perf.sw.task_clock.process("./ticker").counter("a") {} probe process("./ticker").function("tick") { println(@perf("b")) }
      |                                                                                                                   ^~~~~~~~~~
status 1
