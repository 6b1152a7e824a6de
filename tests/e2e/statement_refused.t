# .statement(ADDR) on an instruction the kernel's uprobes refuse is an error
# that says what it is; one byte further, past the lock prefix, is inside
# that instruction (the lock prefix is no instruction of its own).
run: cd "$T" && a=$(printf '%#x' 0x$(nm ./refused | awk '$3 == "step_locked" { print $1 }')); for at in $a $(printf '%#x' $((a + 1))); do uscript -e "probe process(\"./refused\").statement($at) { }" -c ./refused 2>&1 | sed -E "s/$at/ADDR/g; s/$a/START/g; s/0x[0-9a-f]+\)/NEXT)/"; echo "status ${PIPESTATUS[0]}"; done
--- stdout
<input>:1:7: error: probe point process("./refused").statement(ADDR) does not resolve: the kernel cannot probe the instruction at ADDR in step_locked (lock incl (%rdi)): a lock prefix
    1 | probe process("./refused").statement(ADDR) { }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:7: error: probe point process("./refused").statement(ADDR) does not resolve: address ADDR is inside an instruction of step_locked (it starts at START, the next at NEXT)
    1 | probe process("./refused").statement(ADDR) { }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
