# Script arguments are constants in BPF too.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { if (int_arg(1) == $1) printf("%s %d\n", @2, int_arg(2)) }' -c './add 5' 3 found
--- stdout
found 4
