# A program stripped of everything (strip --strip-all) whose debug
# information sits beside it as named by its .gnu_debuglink, or in its
# .debug/ directory: .function resolves by the debug file's symbols, $var
# reads, .statement("f@file.c:N") and -L see the lines and variables, and
# -v says which debug file was read.  A program stripped of its debug
# information only keeps its own symbols and finds its DWARF the same way.
# A debug file whose CRC is not the one .gnu_debuglink records is not used.
run: d=$(mktemp -d); for l in link dotdebug; do "$D/debuginfo_layout.sh" $l "$T/lines" $d/$l && uscript -v -e 'probe process("'$d/$l'/prog").function("scale") { printf("%s %d %d\n", ppfunc(), $x, $k) } probe process("'$d/$l'/prog").statement("scale@lines.c:14") { printf("line 14 step=%d\n", $step) }' -c "$d/$l/prog 2" 2>&1 | grep -e "^uscript: the \(symbols\|debug information\) of" -e "^[^u]" | sed "s|$d|D|g"; uscript -L 'process("'$d/$l'/prog").statement("scale@lines.c:13-14")' | sed -e "s|$d|D|" -e 's|@/[^"]*/lines.c|@lines.c|'; done; "$D/debuginfo_layout.sh" symtab "$T/lines" $d/symtab && uscript -v -e 'probe process("'$d/symtab'/prog").function("scale") { printf("%s %d %d\n", ppfunc(), $x, $k) }' -c "$d/symtab/prog 2" 2>&1 | grep -e "^uscript: the \(symbols\|debug information\) of" -e "^[^u]" | sed "s|$d|D|g"; "$D/debuginfo_layout.sh" badcrc "$T/lines" $d/badcrc && uscript -p2 -e 'probe process("'$d/badcrc'/prog").function("scale") { println($x) }' 2>&1 | grep -o "no function named 'scale'\|is stripped: only its dynamic symbols are known"; rm -r $d
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
uscript: the debug information of D/symtab/prog is read from D/symtab/prog.debug
scale 0 2
scale 1 2
no function named 'scale'
is stripped: only its dynamic symbols are known
