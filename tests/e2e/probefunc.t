# probefunc() is the probed function's name, at entry and at return.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printf("in %s\n", probefunc()) } probe process("./add").function("add").return { printf("out %s\n", probefunc()) }' -c './add 1'
--- stdout
in add
out add
