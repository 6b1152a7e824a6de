# print_ubacktrace() at a return says, as SystemTap does, which function is
# returning and where to, then the rest of the stack; in a shared library
# too.
run: cd "$T" && uscript -e 'probe process("./stacks_nopie").function("inner").return { print_ubacktrace(); exit() }' -c './stacks_nopie 3' | head -3 | sed "s|$T|T|"; uscript -e 'probe process("./libusdt.so").function("lib_work").return { print_ubacktrace(); exit() }' -c './usdt_lib 1' | grep -v '^round' | head -2 | sed -E -e "s|$T|T|" -e 's/0x[0-9a-f]+ :/ADDR :/'
--- stdout
Returning from:  0x401161 : inner+0x0/0x1c [T/stacks_nopie]
Returning to  :  0x401192 : middle+0x15/0x1a [T/stacks_nopie]
 0x4011ac : outer+0x15/0x1a [T/stacks_nopie]
Returning from:  ADDR : lib_work+0x0/0x43 [T/libusdt.so]
Returning to  :  ADDR : main+0x58/0xbb [T/usdt_lib]
