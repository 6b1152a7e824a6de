# %c of 0 prints a NUL byte, on the host and in BPF.
run: cd "$T" && uscript -e 'probe begin { printf("[%c]", 0) } probe process("./add").function("add") { printf("[%c]\n", int_arg(1)); exit() }' -c './add 1' | od -An -c | tr -s ' '
--- stdout
 [ \0 ] [ \0 ] \n
