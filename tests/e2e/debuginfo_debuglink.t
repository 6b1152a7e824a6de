# A program stripped of everything (strip --strip-all) whose debug
# information sits beside it as named by its .gnu_debuglink, or in its
# .debug/ directory: .function resolves by the debug file's symbols, $var
# reads, .statement("f@file.c:N") and -L see the lines and variables, and
# -v says which debug file was read.
run: d=$(mktemp -d); for l in link dotdebug; do "$D/debuginfo_layout.sh" $l "$T/lines" $d/$l && uscript -v -e 'probe process("'$d/$l'/prog").function("scale") { printf("%s %d %d\n", ppfunc(), $x, $k) } probe process("'$d/$l'/prog").statement("scale@lines.c:14") { printf("line 14 step=%d\n", $step) }' -c "$d/$l/prog 2" 2>&1 | grep -e "^uscript: the \(symbols\|debug information\) of" -e "^[^u]" | sed "s|$d|D|g"; uscript -L 'process("'$d/$l'/prog").statement("scale@lines.c:13-14")' | sed -e "s|$d|D|" -e 's|@/[^"]*/lines.c|@lines.c|'; done; rm -r $d
--- stdout
uscript: the symbols of D/link/prog are read from D/link/prog.debug
uscript: the debug information of D/link/prog is read from D/link/prog.debug
scale 0 2
line 14 step=0
line 14 step=0
scale 1 2
line 14 step=0
line 14 step=1
process("D/link/prog").statement("scale@lines.c:13") $step:int $j:int $x:int $k:int $total:int
process("D/link/prog").statement("scale@lines.c:14") $step:int $j:int $x:int $k:int $total:int
uscript: the symbols of D/dotdebug/prog are read from D/dotdebug/.debug/prog.debug
uscript: the debug information of D/dotdebug/prog is read from D/dotdebug/.debug/prog.debug
scale 0 2
line 14 step=0
line 14 step=0
scale 1 2
line 14 step=0
line 14 step=1
process("D/dotdebug/prog").statement("scale@lines.c:13") $step:int $j:int $x:int $k:int $total:int
process("D/dotdebug/prog").statement("scale@lines.c:14") $step:int $j:int $x:int $k:int $total:int
