# user_char_error and its family raise SystemTap's "read fault" error,
# which try/catch catches with its message; the _warn forms give 0 and a
# warning; user_string_quoted, user_string_n_quoted and user_string_warn
# quote, cut and warn as SystemTap's do, the address in hex where memory
# cannot be read.
run: cd "$T" && uscript -e 'probe process("./words").function("word") { if (user_string($w) != "warning 42") next; println(user_string_quoted($w), " ", user_string_quoted(0), " ", user_string_n_quoted($w, 4), " ", user_string_n_quoted($w, 20, 8), " ", user_string_n_quoted(8, 2)); println("[", user_string_warn(0), "|", user_string_warn(0, "dflt"), "|", user_string_n_warn($w, 3), "]"); println(user_char_warn(0), " ", user_long_warn(8), " ", user_int8_error($w), " ", user_uint16_error($w), " ", user_int16_error($w + 9) , " ", user_uint64_error($w) & 0xff); try { println(user_int_error(16)) } catch (m) { println("caught: ", m) } try { println(user_ulong_error($w) & 0xffff, " ", user_ushort_error(0)) } catch (m) { println("caught: ", m) } }' -c ./words 2>&1
--- stdout
"warning 42" 0x0 "warn" "war"... 0x8
WARNING: user string copy fault -14 at 0x0 [man error::fault]
WARNING: user string copy fault -14 at 0x0 [man error::fault]
[|dflt|war]
WARNING: user char copy fault at 0x0 [man error::fault]
WARNING: user long copy fault 0x8 [man error::fault]
0 0 119 24951 50 119
caught: read fault [man error::fault] at 0x10
caught: read fault [man error::fault] at 0x0
