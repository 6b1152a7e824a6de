# Two probes on the same function both fire on every call.
run: cd "$T" && uscript -e 'global a, b; probe process("./add").function("add") { a++ } probe process("./add").function("add") { b += 10 } probe end { printf("%d %d\n", a, b) }' -c './add 3'
--- stdout
3 30
