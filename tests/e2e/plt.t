# .plt probes the calls a program makes through its PLT, PIE or not: $$name,
# ppfunc() and probefunc() name the function; the arguments are in their
# registers (int_arg); .plt("NAME").return fires as the call returns, with
# returnval() the function's.  A bare .plt is .plt("*").
run: cd "$T" && for b in mallocs mallocs_nopie; do uscript -e 'global n; probe process("./'$b'").plt { n[$$name, ppfunc(), probefunc()]++ } probe process("./'$b'").plt("mal*") { printf("%s(%d)\n", $$name, int_arg(1)) } probe process("./'$b'").plt("malloc").return { printf("%s %s\n", pp(), returnval() ? "returned" : "NULL") } probe end { foreach ([a, b, c] in n) printf("%s %s %s %d\n", a, b, c, n[a, b, c]) }' -c "./$b 1" | sed "s|$T|T|"; done
--- stdout
malloc(3)
process("T/mallocs").plt("malloc").return returned
malloc(40)
process("T/mallocs").plt("malloc").return returned
malloc(500)
process("T/mallocs").plt("malloc").return returned
atoi atoi atoi 1
malloc malloc malloc 3
free free free 3
__cxa_finalize __cxa_finalize __cxa_finalize 1
malloc(3)
process("T/mallocs_nopie").plt("malloc").return returned
malloc(40)
process("T/mallocs_nopie").plt("malloc").return returned
malloc(500)
process("T/mallocs_nopie").plt("malloc").return returned
atoi atoi atoi 1
malloc malloc malloc 3
free free free 3
