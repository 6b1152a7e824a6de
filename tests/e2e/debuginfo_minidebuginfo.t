# MiniDebugInfo: a program stripped of everything but carrying, as Fedora
# ships them, the function symbols that .dynsym lacks in an xz-compressed
# .gnu_debugdata section.  Its static and non-exported functions resolve
# and are probed; it has no DWARF, so a source line cannot be named.
run: d=$(mktemp -d); "$D/debuginfo_layout.sh" mini "$T/lines" $d && uscript -v -e 'probe process("'$d'/prog").function("scale") { printf("%s %d %d\n", ppfunc(), int_arg(1), int_arg(2)) }' -c "$d/prog 2" 2>&1 | grep -e "^uscript: the \(symbols\|debug information\) of" -e "^[^u]" | sed "s|$d|D|g"; uscript -l 'process("'$d'/prog").function("s*")' | sed "s|$d|D|"; uscript -p2 -e 'probe process("'$d'/prog").statement("scale@lines.c:14") {}' 2>&1 | grep -o "source lines need debug information, and [^ ]* has none"  | sed "s|$d|D|"; rm -r $d
--- stdout
uscript: the symbols of D/prog are read from D/prog (.gnu_debugdata)
scale 0 2
scale 1 2
process("D/prog").function("scale")
source lines need debug information, and D/prog has none
