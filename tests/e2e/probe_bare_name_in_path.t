# process("NAME") with a bare program name is looked up in $PATH, as the shell would.
run: PATH="$T:$PATH" uscript -e 'probe process("add").function("add") { printf("%d+%d\n", int_arg(1), int_arg(2)) }' -c "$T/add 2"
--- stdout
0+1
1+2
