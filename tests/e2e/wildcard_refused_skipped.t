# A wildcard leaves out the functions whose first instruction the kernel's
# uprobes refuse (step_locked starts with a lock prefix, step_ds with a ds
# segment prefix), says how many with one warning, and probes the rest.
run: cd "$T" && uscript -e 'probe process("./refused").function("step_*") { println(probefunc()) }' -c './refused'
--- stdout
step_add
step_twice
step_add
step_twice
--- stderr
<input>:1:7: warning: 2 probe points of process("./refused").function("step_*") cannot be probed and were skipped (-v lists them)
    1 | probe process("./refused").function("step_*") { println(probefunc()) }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
