# -f json escapes strings as RFC 8259 asks, whatever bytes they hold: here
# a string read from the target's memory by BPF (words' argument: a quote,
# a backslash, a tab, \001, DEL, the invalid byte \377, é and € in UTF-8,
# the overlong \300\257), printed, stored in a scalar and used as an
# array's key; literals of the script; a NUL printed with %c; a character
# made of two %c in one call.  The JSON parser reads each line back
# (json_records.py, which refuses raw control characters and bytes that
# are not UTF-8) and writes it again with \u escapes for all but ASCII:
# each invalid byte became U+FFFD, the rest is what was printed.
run: cd "$T" && arg=$(printf 'q"b\\\t\001\177\377\303\251\342\202\254\300\257z') && uscript -f json -e 'global last, seen; probe process("./words").function("word") { s = user_string($w); if (substr(s, 0, 1) == "q") { printf("%s|%d\n", s, strlen(s)); last = s; seen[s] = 1 } } probe end { printf("lit: \"q\" \\ \t \001 \x7f end\n"); printf("nul[%c]", 0); printf("%c%c", 0xc3, 0xa9) }' -c "./words '$arg'" | python3 "$D/json_records.py"; echo "status ${PIPESTATUS[*]}"
--- stdout
{"type":"printf","data":"q\"b\\\t\u0001\u007f\ufffd\u00e9\u20ac\ufffd\ufffdz|16\n"}
{"type":"printf","data":"lit: \"q\" \\ \t \u0001 \u007f end\n"}
{"type":"printf","data":"nul[\u0000]"}
{"type":"printf","data":"\u00e9"}
{"type":"global","data":{"name":"last","value":"q\"b\\\t\u0001\u007f\ufffd\u00e9\u20ac\ufffd\ufffdz"}}
{"type":"global","data":{"name":"seen","value":{"q\"b\\\t\u0001\u007f\ufffd\u00e9\u20ac\ufffd\ufffdz":1}}}
status 0 0
