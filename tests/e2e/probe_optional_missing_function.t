# An optional point that matches nothing is dropped; the rest of the script runs.
run: cd "$T" && uscript -e 'global n; probe process("./add").function("no_such_function") ? { println("never") } probe process("./add").function("add") { n++ } probe end { printf("n=%d\n", n) }' -c './add 3'
--- stdout
n=3
