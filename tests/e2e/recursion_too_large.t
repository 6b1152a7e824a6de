# A function that calls itself twice doubles at each depth it is copied
# for: in a probe on a function (BPF) that is an error saying how large,
# and a lower MAXNESTING, or a begin probe, run it.
run: uscript -e 'function fib(n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2) } probe process("'$T/add'").function("add") { println(fib($a + 5)) }' -c "$T/add 1" 2>&1 | grep -o 'error: .*(2000)'; uscript -D MAXNESTING=8 -e 'function fib(n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2) } probe process("'$T/add'").function("add") { println(fib($a + 5)) }' -c "$T/add 2"; uscript -e 'function fib(n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2) } probe begin { println(fib(10)); exit() }'
--- stdout
error: this probe's calls of recursive functions, copied for each of the 10 depths MAXNESTING allows, come to 5117 statements, more than a BPF program holds (2000)
5
8
55
