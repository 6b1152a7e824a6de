# As in SystemTap, the reads copy at most MAXSTRINGLEN-1 bytes with the NUL:
# with MAXSTRINGLEN=4, "text" reads as "te" whatever n asks for.
run: cd "$T" && uscript -D MAXSTRINGLEN=4 -e 'probe process("./args").function("six") { printf("[%s] [%s] [%s]\n", user_string(pointer_arg(5)), user_string_n(pointer_arg(5), 10), user_string_n(pointer_arg(5), 1)) }' -c ./args
--- stdout
[te] [te] [t]
