# next in a foreach inside a function leaves the probe that called the
# function, in BPF (where the loop's body is a function of its own) and in
# uscript's own handlers.
run: uscript -e 'global x function f(n) { foreach (k in x) if (k == n) next; return n } probe begin { x[1] = 1 } probe process("'$T/add'").function("add") { printf("got %d\n", f($a)) } probe end { printf("end %d\n", f(2)); f(1); println("not reached") }' -c "$T/add 3"
--- stdout
got 0
got 2
end 2
