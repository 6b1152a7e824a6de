# ubacktrace() is cut at MAXSTRINGLEN-1 bytes, as every string is.
run: cd "$T" && uscript -D MAXSTRINGLEN=20 -e 'probe process("./stacks").function("square") { s = ubacktrace(); printf("%d %d\n", strlen(s), isinstr(s, "0x")); exit() }' -c './stacks 3'
--- stdout
19 1
