# process("PATH") with an absolute path: entry probe, arguments read with int_arg().
run: uscript -e 'probe process("'"$T"'/add").function("add") { printf("%d %d\n", int_arg(1), int_arg(2)) }' -c "$T/add 2"
--- stdout
0 1
1 2
