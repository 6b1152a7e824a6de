# pexecname() names the parent of the probed process; cpu_clock_ns(cpu)
# and its coarser forms follow local_clock_ns(); assert() raises its
# message, "Assertion failed" by default.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { println(pexecname(), " ", cpu_clock_ms(0) == local_clock_ms() || cpu_clock_ms(0) == local_clock_ms() - 1, " ", cpu_clock_s(1) <= local_clock_s(), " ", cpu_clock_us(0) > 0); assert(1 < 2); try { assert(0) } catch (m) { println(m) } assert(2 < 1, "two is not below one") }' -c "sh -c './add 1; true'"; echo "status $?"
--- stdout
sh 1 1 1
Assertion failed
status 1
--- stderr
ERROR: two is not below one near tapset/logging.stp:13:3 (in assert(), called from <input>:1:273)
