# -O3 without frame pointers: sprint_ubacktrace() and
# print_ubacktrace_brief(), printed, are unwound by call-frame information
# too, as is the stack of a non-PIE build.
run: cd "$T" && uscript -D MAXSTRINGLEN=512 -e 'probe process("./cfi_o3").function("leaf") { printf("%s", sprint_ubacktrace()); print("--\n"); print_ubacktrace_brief(); exit() }' -c './cfi_o3 3' | grep -v -e __libc -e _start | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"; uscript -e 'probe process("./cfi_o3_nopie").function("middle") { print_ubacktrace(); exit() }' -c './cfi_o3_nopie 3' | head -5 | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"
--- stdout
leaf [cfi_o3]
middle [cfi_o3]
visit [cfi_o3]
cfi_each [libcfi.so]
outer [cfi_o3]
main [cfi_o3]
--
leaf
middle
visit
cfi_each
outer
main
 ADDR : middle [T/cfi_o3_nopie]
 ADDR : visit [T/cfi_o3_nopie]
 ADDR : cfi_each [T/libcfi.so]
 ADDR : outer [T/cfi_o3_nopie]
 ADDR : main [T/cfi_o3_nopie]
