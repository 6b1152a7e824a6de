# At .statement(ADDRESS) the target variables are those in scope there, as
# at a source line (here the address of line 15 of lines.c, from its line
# table), or at a function's first instruction the function's parameters
# where the ABI puts them; -L lists them; without debug information $x is
# an error that says so.
run: cd "$T" && a=$(objdump --dwarf=decodedline lines | awk '$1 == "lines.c" && $2 == "15" { print $3; exit }') && e=0x$(nm lines | awk '$3 == "scale" { print $1 }') && uscript -L "process(\"./lines\").statement($a)" | sed -e "s|$T|T|" -e "s|$a|ADDR|" && uscript -e "probe process(\"./lines\").statement($a) { printf(\"%d %d %s\n\", \$x, \$step, \$\$vars) } probe process(\"./lines\").statement($e) { printf(\"entry x=%d k=%d\n\", \$x, \$k) }" -c './lines 2' && uscript -p2 -e "probe process(\"./lines_stripped\").statement($a) { print(\$x) }" 2>&1 | grep error: | sed "s|$T|T|"
--- stdout
process("T/lines").statement(ADDR) $step:int $j:int $x:int $k:int $total:int
entry x=0 k=2
0 0 step=0x0 j=0x0 x=0x0 k=0x2 total=0x0
0 0 step=0x0 j=0x1 x=0x0 k=0x2 total=0x0
entry x=1 k=2
1 0 step=0x0 j=0x0 x=0x1 k=0x2 total=0x0
1 1 step=0x1 j=0x1 x=0x1 k=0x2 total=0x0
<input>:1:61: error: $x needs debug information, and T/lines_stripped has none (no separate debug file was found by build id or .gnu_debuglink beside it, in its .debug/ directory or under /usr/lib/debug, nor by debuginfod (DEBUGINFOD_URLS is not set); install its debug package (PACKAGE-dbgsym on Debian and Ubuntu, PACKAGE-debuginfo on Fedora), point DEBUGINFOD_URLS at a debuginfod server, or build it with -g)
