# alone: counts samples, which depend on the CPUs being free
# timer.profile samples every CPU a thousand times a second, in the
# interrupted task's context; perf.sw.cpu_clock.sample(N) every N ns of CPU
# time, .process filters to the target; user_mode() tells user code from
# kernel code; perf.hw.* is refused on a machine without hardware counters.
run: cd "$T" && uscript -e 'probe timer.profile { n++; if (pid() == target()) { t++; u += user_mode() } } probe perf.sw.cpu_clock.sample(10000000).process { p++; if (pid() != target()) other++ } probe perf.sw.task_clock.hz(100) { k++ } probe end { printf("per CPU a second: %d, target samples: %d, in user mode: %d, 10 ms samples: %d, others: %d, task clock: %d\n", n * 100 / 88 > 700, t > 150, 10 * u > 9 * t, p >= 15 && p <= 50, other, k > 0) } global n, t, u, p, other, k' -c ./hotcold; uscript -p2 -e 'probe perf.hw.cpu_cycles { }' 2>&1 | head -1; echo $?
--- stdout
per CPU a second: 1, target samples: 1, in user mode: 1, 10 ms samples: 1, others: 0, task clock: 1
<input>:1:7: error: probe point perf.hw.cpu_cycles does not resolve: this machine has no hardware performance counters (the kernel lists no "cpu" event source): use perf.sw.cpu_clock
0
