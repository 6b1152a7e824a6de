# next in a function leaves the probe that called it, from any depth of
# calls, in a probe on a function (BPF) and in begin (uscript itself).
run: uscript -e 'function inner(n) { if (n % 2) next; return n } function outer(n) { x = inner(n); println("outer ", x); return x } probe process("'$T/add'").function("add") { printf("got %d\n", outer($a)) } probe begin { outer(1); println("not reached") } probe end { outer(2); outer(3); println("not reached") }' -c "$T/add 4"
--- stdout
outer 0
got 0
outer 2
got 2
outer 2
