# needs: nothing
# A source line that resolves to nothing is an error at the probe point
# that says why: a line without code names the nearest lines that have
# some, as SystemTap does; a file the DWARF does not know, a function not
# in the file, a spec that is no line, a file without debug information;
# and a variable not in scope at the line lists those that are.
run: cd "$T" && for spec in 'scale@lines.c:16' 'scale@lines.c:8' 'scale@lines.c:99' 'scale@lines.c+100' 'scale@nosuch.c:3' 'nosuch@lines.c:3' 'scale@lines.c:x'; do uscript -p2 -e 'probe process("./lines").statement("'$spec'") {}' 2>&1 | grep error:; done | sed -e "s|$T|T|" -e 's|/[^ ]*/lines.c:|lines.c:|'; uscript -p2 -e 'probe process("./lines_stripped").statement("scale@lines.c:15") {}' 2>&1 | grep error: | sed "s|$T|T|"; uscript -p2 -e 'probe process("./lines").statement("scale@lines.c:15") { print($nosuch) }' 2>&1 | grep 'error:\|note:' | sed -e "s|$T|T|" -e 's|@/[^"]*/lines.c|@lines.c|'
--- stdout
<input>:1:7: error: probe point process("./lines").statement("scale@lines.c:16") does not resolve: no code at lines.c:16 (the nearest lines with code are 15 and 17)
<input>:1:7: error: probe point process("./lines").statement("scale@lines.c:8") does not resolve: no code at lines.c:8 (the nearest line with code is 10)
<input>:1:7: error: probe point process("./lines").statement("scale@lines.c:99") does not resolve: no code at lines.c:99, nor within 5 lines of it, in the functions that 'scale' names
<input>:1:7: error: probe point process("./lines").statement("scale@lines.c+100") does not resolve: no code at lines.c:109, nor within 5 lines of it, in the functions that 'scale' names
<input>:1:7: error: probe point process("./lines").statement("scale@nosuch.c:3") does not resolve: no source file matches 'nosuch.c' in the debug information of T/lines
<input>:1:7: error: probe point process("./lines").statement("nosuch@lines.c:3") does not resolve: no function named 'nosuch' in a source file matching 'lines.c' in T/lines
<input>:1:7: error: probe point process("./lines").statement("scale@lines.c:x") does not resolve: 'scale@lines.c:x' is not a source line: .statement takes "FUNCTION@FILE:LINE", "FUNCTION@FILE+N" (N lines below the function's declaration), "FUNCTION@FILE:FIRST-LAST", "FUNCTION@FILE:*" (every line), or an address such as 0x401126
<input>:1:7: error: probe point process("./lines_stripped").statement("scale@lines.c:15") does not resolve: source lines need debug information, and T/lines_stripped has none (no separate debug file was found by build id or .gnu_debuglink beside it, in its .debug/ directory or under /usr/lib/debug, nor by debuginfod (DEBUGINFOD_URLS is not set); install its debug package (PACKAGE-dbgsym on Debian and Ubuntu, PACKAGE-debuginfo on Fedora), point DEBUGINFOD_URLS at a debuginfod server, or build it with -g)
<input>:1:64: error: no variable $nosuch in scope at process("T/lines").statement("scale@lines.c:15")
<input>:1:7: note: the variables in scope there are: step, j, x, k, total
