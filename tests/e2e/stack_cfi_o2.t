# Code built with -O2 and without frame pointers: print_ubacktrace() still
# shows the whole stack, unwound by call-frame information (.eh_frame) from
# the registers and the stack the probe copied, through a shared library
# built the same way; the frames are those gdb's bt shows at a breakpoint
# on leaf.  (Offsets depend on the compiler, so they are left out.)
run: cd "$T" && uscript -e 'probe process("./cfi").function("leaf") { print_ubacktrace(); exit() }' -c './cfi 3' | head -6 | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"
--- stdout
 ADDR : leaf [T/cfi]
 ADDR : middle [T/cfi]
 ADDR : visit [T/cfi]
 ADDR : cfi_each [T/libcfi.so]
 ADDR : outer [T/cfi]
 ADDR : main [T/cfi]
