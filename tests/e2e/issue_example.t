# The example of the language: arguments at entry, the return value at return.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printf("%d+%d\n", int_arg(1), int_arg(2)) } probe process("./add").function("add").return { printf("=%d\n", returnval()) }' -c './add 3'
--- stdout
0+1
=1
1+2
=3
2+3
=5
