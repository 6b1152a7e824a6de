# A stack through a library opened with dlopen(3) after uscript first read
# the process's memory map (at early's stack): the unwinding finds the
# library, reading the map again, and goes on through it to main.
run: cd "$T" && uscript -e 'probe process("./cfi_dlopen").function("early") { print_ubacktrace(); print("--\n") } probe process("./cfi_dlopen").function("visit") { print_ubacktrace(); exit() }' -c ./cfi_dlopen | grep -v -e 'libc[.]so' -e _start | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"
--- stdout
 ADDR : early [T/cfi_dlopen]
 ADDR : main [T/cfi_dlopen]
--
 ADDR : visit [T/cfi_dlopen]
 ADDR : cfi_each [T/libcfi.so]
 ADDR : main [T/cfi_dlopen]
