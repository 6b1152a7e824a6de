# needs: nothing
# -L lists labels with the function, the label's line and the variables in
# scope; a label or function that is not there, or a line the label is not
# on, is an error that says so; a file without DWARF has no labels.
run: cd "$T" && uscript -L 'process("./lines").function("*").label("*")' | sed -e "s|$T|T|" -e 's|@/[^"]*/lines.c|@lines.c|'; for spec in '.function("scale").label("nosuch")' '.function("nosuch").label("again")' '.function("scale@other.c").label("again")' '.function("scale@lines.c:17").label("again")'; do uscript -p2 -e 'probe process("./lines")'$spec' {}' 2>&1 | grep error: ; done | sed "s|$T|T|"; uscript -p2 -e 'probe process("./lines_stripped").function("scale").label("again") {}' 2>&1 | grep error: | sed "s|$T|T|"
--- stdout
process("T/lines").function("scale@lines.c:16").label("again") $step:int $j:int $x:int $k:int $total:int
process("T/lines").function("twice@lines.c:28").label("done") $v:int $doubled:int
<input>:1:7: error: probe point process("./lines").function("scale").label("nosuch") does not resolve: no label named 'nosuch' in the function that 'scale' names in T/lines
<input>:1:7: error: probe point process("./lines").function("nosuch").label("again") does not resolve: no function named 'nosuch' in T/lines
<input>:1:7: error: probe point process("./lines").function("scale@other.c").label("again") does not resolve: no function named 'scale' in a source file matching 'other.c' in T/lines
<input>:1:7: error: probe point process("./lines").function("scale@lines.c:17").label("again") does not resolve: no label named 'again' on that line in the function that 'scale' names in T/lines
<input>:1:7: error: probe point process("./lines_stripped").function("scale").label("again") does not resolve: labels need debug information, and T/lines_stripped has none (no separate debug file was found by build id or .gnu_debuglink beside it, in its .debug/ directory or under /usr/lib/debug, nor by debuginfod (DEBUGINFOD_URLS is not set); install its debug package (PACKAGE-dbgsym on Debian and Ubuntu, PACKAGE-debuginfo on Fedora), point DEBUGINFOD_URLS at a debuginfod server, or build it with -g)
