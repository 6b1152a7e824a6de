# In a program built with frame pointers (-O0), a callback called through
# qsort(3): the C library has no frame pointers, and the stack unwound by
# call-frame information goes through it to sorter, main and _start.
# (libc's own frames, named differently from one release to the next, are
# left out here, and the offsets.)
run: cd "$T" && uscript -e 'probe process("./sortcb").function("cmp") { print_ubacktrace(); exit() }' -c './sortcb 3' | grep -v libc | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"
--- stdout
 ADDR : cmp [T/sortcb]
 ADDR : sorter [T/sortcb]
 ADDR : main [T/sortcb]
 ADDR : _start [T/sortcb]
