# next leaves the probe handler at once.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { if (int_arg(1) == 1) next; printf("%d\n", int_arg(1)) }' -c './add 3'
--- stdout
0
2
