# sprint_ubacktrace() is the shorter form, a line a frame, printed through
# printf; usymname() names the function a pointer argument points at, and
# gives the address in hex when nothing is there.  The stack goes on into
# libc (unwound by its call-frame information) and is cut at
# MAXSTRINGLEN - 1 bytes there, with the closing >.
run: cd "$T" && uscript -e 'probe process("./stacks").function("inner") { printf("<%s>\n", sprint_ubacktrace()) } probe process("./stacks").function("apply") { printf("%s %s\n", usymname(pointer_arg(1)), usymname(0)); exit() }' -c './stacks 3' | grep -v libc
--- stdout
<inner+0x0 [stacks]
middle+0x15 [stacks]
outer+0x15 [stacks]
main+0x5d [stacks]
square 0x0
