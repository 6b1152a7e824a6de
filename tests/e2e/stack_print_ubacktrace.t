# print_ubacktrace() prints the stack where the probe fired, SystemTap's
# way: the address, the function with offset and size, the file; the
# probed function first, then its callers.
run: cd "$T" && uscript -e 'probe process("./stacks").function("inner") { print_ubacktrace(); exit() }' -c './stacks 3' | head -4 | sed -E -e "s|$T|T|" -e 's/^ 0x[0-9a-f]+ : / ADDR : /'
--- stdout
 ADDR : inner+0x0/0x21 [T/stacks]
 ADDR : middle+0x15/0x1a [T/stacks]
 ADDR : outer+0x15/0x1a [T/stacks]
 ADDR : main+0x5d/0x8f [T/stacks]
