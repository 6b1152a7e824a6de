# .statement takes an address in code or a source line; data, a string
# that is neither, or a suffix are
# compile errors at the point.
# needs: nothing
run: cd "$T" && uscript -p2 -e 'probe process("./add_nopie").statement(0x400000) { } probe process("./add").statement("add") { } probe process("./add").statement(0x1000).return { }' 2>&1 | grep error: | sed "s|$T|T|"
--- stdout
<input>:1:7: error: probe point process("./add_nopie").statement(0x400000) does not resolve: address 0x400000 is not in executable code of T/add_nopie
<input>:1:60: error: probe point process("./add").statement("add") does not resolve: 'add' is not a source line: .statement takes "FUNCTION@FILE:LINE", "FUNCTION@FILE+N" (N lines below the function's declaration), "FUNCTION@FILE:FIRST-LAST", "FUNCTION@FILE:*" (every line), or an address such as 0x401126
<input>:1:104: error: probe point process("./add").statement(0x1000).return does not resolve: nothing can follow .statement(ADDRESS)
