# The same reads in a non-PIE program: the string's address is a fixed one.
run: cd "$T" && uscript -e 'probe process("./args_nopie").function("six") { printf("[%s] %d\n", user_string(pointer_arg(5)), user_long(pointer_arg(5)) & 0xffffffffff) }' -c ./args_nopie
--- stdout
[text] 1954047348
