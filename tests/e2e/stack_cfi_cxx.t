# A C++ program built with -O2 and without frame pointers: its stack, as
# gdb's bt shows it (shapes::leaf, shapes::visit<int>,
# shapes::Walker::run, main), with SystemTap's mangled names; and at a
# return, where the function returns to.
run: cd "$T" && uscript -e 'probe process("./cfi_cxx").function("leaf") { print_ubacktrace(); exit() }' -c './cfi_cxx 3' | head -4 | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"; uscript -w -e 'probe process("./cfi_cxx").function("leaf").return { print_ubacktrace(); exit() }' -c './cfi_cxx 3' | head -4 | sed -E -e "s|$T|T|" -e "s/0x[0-9a-f]+ : /ADDR : /" -e "s/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?//"
--- stdout
 ADDR : _ZN6shapes4leafEi [T/cfi_cxx]
 ADDR : _ZN6shapes5visitIiEET_S1_ [T/cfi_cxx]
 ADDR : _ZN6shapes6Walker3runEi [T/cfi_cxx]
 ADDR : main [T/cfi_cxx]
Returning from:  ADDR : _ZN6shapes4leafEi [T/cfi_cxx]
Returning to  :  ADDR : _ZN6shapes5visitIiEET_S1_ [T/cfi_cxx]
 ADDR : _ZN6shapes6Walker3runEi [T/cfi_cxx]
 ADDR : main [T/cfi_cxx]
