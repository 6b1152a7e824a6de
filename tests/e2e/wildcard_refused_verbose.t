# With -v, the warning of a wildcard's refused functions is followed by a
# note for each: its probe point, the instruction and what the kernel
# refuses in it.
run: cd "$T" && uscript -v -e 'probe process("./refused").function("step_*") { println(probefunc()) }' -c './refused' 2>&1 >/dev/null | grep -e 'warning:' -e 'note: skipped' | sed -E "s|$PWD|.|; s/0x[0-9a-f]+ /ADDR /; s|@[^\"]*/refused.c:|@refused.c:|"
--- stdout
<input>:1:7: warning: 2 probe points of process("./refused").function("step_*") cannot be probed and were skipped
uscript: note: skipped process("./refused").function("step_locked@refused.c:14"): the kernel cannot probe the instruction at ADDR (lock incl (%rdi)): a lock prefix
uscript: note: skipped process("./refused").function("step_ds@refused.c:19"): the kernel cannot probe the instruction at ADDR (movl %ds:(%rdi), %eax): a ds segment prefix
