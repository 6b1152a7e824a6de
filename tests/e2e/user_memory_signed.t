# The number readers are signed at their width, as SystemTap's are: one long
# whose every byte has the top bit set reads negative as long, int, short and char.
run: cd "$T" && uscript -e 'probe process("./args").function("through") { p = pointer_arg(1); printf("%d %d %d %d\n", user_long(p), user_int(p), user_short(p), user_char(p)) }' -c ./args
--- stdout
-1012478732780767240 -168364040 -2056 -8
