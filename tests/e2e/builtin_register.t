# register() reads a register by its x86-64 name, sign-extending the
# narrower ones, u_register() without; s32_arg … u64_arg read arguments by
# their C types.  Where no registers were saved (begin) it is SystemTap's
# runtime error, which try/catch can catch.
run: cd "$T" && uscript -e 'probe process("./args").function("six") { printf("%d %d %d %d\n", register("rdi"), u_register("edi"), register("edi"), register("rdi") == int_arg(1)) printf("%d %d %d %d %d %d\n", s32_arg(1), u32_arg(1), s64_arg(3), u64_arg(4), longlong_arg(3), ulonglong_arg(2)) printf("%d %d %d\n", register("dl"), u_register("sp") == (u_register("rsp") & 0xffff), u_register("ax") == (register("eax") & 0xffff)) }' -c ./args; uscript -u -e 'probe begin { try { println(register("rax")) } catch (m) { println("caught: ", m) } x = u_register("rip") }'; echo "status $?"
--- stdout
4294967291 4294967291 -5 0
-5 4294967291 -1234567890123 -1 -1234567890123 4000000000
53 1 1
caught: cannot access CPU registers in this context
status 1
--- stderr
ERROR: cannot access CPU registers in this context near <input>:1:89
