# user_string, user_string_n and the number readers see what the traced
# program passed: a string argument and its bytes read as char, short and int.
run: cd "$T" && uscript -e 'probe process("./args").function("six") { printf("[%s] [%s] [%s] %d %d %d\n", user_string(pointer_arg(5)), user_string_n(pointer_arg(5), 2), user_string_n(pointer_arg(5), 0), user_char(pointer_arg(5)), user_short(pointer_arg(5)), user_int(pointer_arg(5))) }' -c ./args
--- stdout
[text] [te] [] 116 25972 1954047348
