# A function named without a wildcard that the kernel cannot probe is an
# error at its probe point, which names the function, the instruction and
# what the kernel refuses in it; .return probes the same instruction.
run: cd "$T" && uscript -e 'probe process("./refused").function("step_locked"), process("./refused").function("step_ds").return { println(probefunc()) }' -c './refused' 2>&1 | sed -E 's/at 0x[0-9a-f]+ in/at ADDR in/'; echo "status ${PIPESTATUS[0]}"
--- stdout
<input>:1:7: error: probe point process("./refused").function("step_locked") does not resolve: the kernel cannot probe the instruction at ADDR in step_locked (lock incl (%rdi)): a lock prefix
    1 | probe process("./refused").function("step_locked"), process("./refused").function("step_ds").return { println(probefunc()) }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
<input>:1:53: error: probe point process("./refused").function("step_ds").return does not resolve: the kernel cannot probe the instruction at ADDR in step_ds (movl %ds:(%rdi), %eax): a ds segment prefix
    1 | probe process("./refused").function("step_locked"), process("./refused").function("step_ds").return { println(probefunc()) }
      |                                                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
