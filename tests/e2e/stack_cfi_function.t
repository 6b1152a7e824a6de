# print_ubacktrace() in a script function that only process probes call
# unwinds by call-frame information as in the probe itself.
run: cd "$T" && uscript -e 'function show() { print_ubacktrace() } probe process("./cfi").function("leaf") { show(); exit() }' -c './cfi 3' | head -4 | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"
--- stdout
 ADDR : leaf [T/cfi]
 ADDR : middle [T/cfi]
 ADDR : visit [T/cfi]
 ADDR : cfi_each [T/libcfi.so]
