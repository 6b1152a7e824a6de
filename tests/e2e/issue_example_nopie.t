# The same probes on a non-PIE build: offsets come from the PT_LOAD segment.
run: cd "$T" && uscript -e 'probe process("./add_nopie").function("add") { printf("%d+%d\n", int_arg(1), int_arg(2)) } probe process("./add_nopie").function("add").return { printf("=%d\n", returnval()) }' -c './add_nopie 3'
--- stdout
0+1
=1
1+2
=3
2+3
=5
