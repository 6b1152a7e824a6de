# text_str escapes what is not printable ASCII (runtime/stp_string.c
# _stp_text_str): \t \n \" \\ as C escapes, other bytes as \ooo, and a UTF-8
# sequence as \uXXXX in upper-case hex.
run: uscript -e 'probe begin { println(text_str("a\tb\nc")); println(text_str("q\"x\\y")); println(text_str("\001\177z")); println(text_str("caf\303\251")); println(text_str("plain")); exit() }'
--- stdout
a\tb\nc
q\"x\\y
\001\177z
caf\u00E9
plain
