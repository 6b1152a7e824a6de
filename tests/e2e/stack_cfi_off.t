# -D USTACK_BYTES=0 copies no stack: stacks are the kernel's walk by frame
# pointers alone, whole in code that keeps them (-O0), as before.  A
# value past the limit is a usage error.
run: cd "$T" && uscript -D USTACK_BYTES=0 -e 'probe process("./stacks").function("inner") { print_ubacktrace(); exit() }' -c './stacks 3' | head -4 | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"; uscript -D USTACK_BYTES=40000 -e 'probe begin { exit() }' 2>&1; echo $?
--- stdout
 ADDR : inner [T/stacks]
 ADDR : middle [T/stacks]
 ADDR : outer [T/stacks]
 ADDR : main [T/stacks]
uscript: -D USTACK_BYTES must be a number from 0 to 32768
2
