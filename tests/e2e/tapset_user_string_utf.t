# user_string_utf16() and user_string_utf32() read a 0-terminated string of
# UTF-16 or UTF-32 units as UTF-8 (a surrogate pair as one character), as
# much as a string holds in whole characters; a unit that is no character
# or cannot be read is SystemTap's error, which the forms with a default,
# the quoted forms (the address in hex) and try/catch take.
run: cd "$T" && uscript -e 'probe process("./wide").function("wide") { println(user_string_utf16($s16, "ERR16"), " ", user_string_utf32($s32, "ERR32"), " ", user_string_quoted_utf16($s16) == sprintf("0x%x", $s16) ? "hex" : user_string_quoted_utf16($s16), " ", user_string2_utf32($s32, "ERR")); try { println(user_string_utf16($s16)) } catch (m) { println(m == sprintf("invalid UTF-16 character U+DC00 at 0x%x", $s16 + 2) ? "bad unit named" : m) } try { println(user_string_utf32($s32)) } catch (m) { println(m == sprintf("invalid UTF-32 character U+110000 at 0x%x", $s32 + 4) ? "bad unit named" : m) } try { println(user_string_utf16(8)) } catch (m) { println(m) } }' -c ./wide; uscript -D MAXSTRINGLEN=8 -e 'probe process("./wide").function("wide") { if (user_char($s16) == 104) println(user_string_utf16($s16), "|", user_string_utf32($s32)) }' -c ./wide
--- stdout
hél€😀! hél€😀! "h\u00E9l\u20AC\U0001F600!" hél€😀!
hél€😀!
hél€😀!
user string copy fault at 0x8 [man error::fault]
ERR16 ERR32 hex ERR
bad unit named
bad unit named
user string copy fault at 0x8 [man error::fault]
hél€|hél€
