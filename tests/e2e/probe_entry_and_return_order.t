# Entry and return probes of the same function interleave in call order.
run: cd "$T" && uscript -e 'probe process("./add").function("add").return { printf("<- %d\n", returnval()) } probe process("./add").function("add") { printf("-> %d\n", int_arg(1)) }' -c './add 2'
--- stdout
-> 0
<- 1
-> 1
<- 3
