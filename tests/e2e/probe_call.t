# .call fires on entry like a plain function probe (add is never inlined at -O0).
run: cd "$T" && uscript -e 'probe process("./add").function("add").call { printf("call %d %d\n", int_arg(1), int_arg(2)) }' -c './add 3'
--- stdout
call 0 1
call 1 2
call 2 3
