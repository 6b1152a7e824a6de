# With a second argument a string that cannot be read is that string, not an
# error; numbers that cannot be read are 0.  The same holds in begin, where
# there is no traced program to read.
run: cd "$T" && uscript -e 'probe begin { printf("[%s] %d\n", user_string(0, "<none>"), user_int(0)) } probe process("./args").function("six") { printf("[%s] [%s] %d %d %d %d\n", user_string(16, "<bad>"), user_string_n(16, 3, "x"), user_long(16), user_int(16), user_short(16), user_char(16)) }' -c ./args
--- stdout
[<none>] 0
[<bad>] [x] 0 0 0 0
