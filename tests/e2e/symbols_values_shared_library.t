# A probe in a shared library names the library's frame, the program's
# that called it (the -c command and what it needs are read), and makes
# sprint_ustack(), ucallers() and umodname() of them.
run: cd "$T" && uscript -D MAXSTRINGLEN=256 -e 'probe process("./libusdt.so").function("lib_work") { s = sprint_ubacktrace(); c = ucallers(1); printf("%s--\n%s", s, sprint_ustack(c)); printf("%s|%s\n", umodname(strtol(c, 16)), usymname(strtol(substr(c, strlen(c) - 14, 14), 16))); exit() }' -c './usdt_lib 2' | grep -v -e libc -e round | sed -E -e "s|$T|T|g" -e 's/ 0x[0-9a-f]+ : / ADDR : /'
--- stdout
lib_work+0x0 [libusdt.so]
main+0x58 [usdt_lib]
--
 ADDR : lib_work+0x0/0x43 [T/libusdt.so]
 ADDR : main+0x58/0xbb [T/usdt_lib]
T/libusdt.so|main
