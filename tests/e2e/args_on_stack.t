# Arguments 7 and 8 of eight() are on the stack (System V x86-64), where SystemTap's
# int_arg()/long_arg() read them: at entry they are just above the return address.
run: cd "$T" && uscript -e 'probe process("./many").function("eight") { printf("%d %d %d %d\n", long_arg(6), int_arg(7), long_arg(7), long_arg(8)) }' -c ./many
--- stdout
6 -7 -7 8000000000
