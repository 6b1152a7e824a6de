# .function probes the copies the compiler inlined too (here square(),
# inlined twice into main and once into cube), found in DWARF: pp() names
# the function, probefunc() the one whose code holds the copy.  .call and
# .return leave inlined copies out: square() has no other, so nothing
# matches.  -L lists the copies once, with their variables.
run: cd "$T" && uscript -D MAXSTRINGLEN=512 -e 'probe process("./inlines").function("square") { printf("%s %s %s\n", pp(), probefunc(), ppfunc()) }' -c './inlines 2' | sed -e "s|$T|T|" -e 's|@[^"]*/inlines.c|@inlines.c|'; uscript -p2 -e 'probe process("./inlines").function("square").call { }' 2>&1 | head -1 | sed "s|$T|T|"; uscript -L 'process("./inlines").function("square")' | sed -e "s|$T|T|" -e 's|@[^"]*/inlines.c|@inlines.c|'
--- stdout
process("T/inlines").function("square@inlines.c:6") main square
process("T/inlines").function("square@inlines.c:6") main square
process("T/inlines").function("square@inlines.c:6") cube square
process("T/inlines").function("square@inlines.c:6") main square
process("T/inlines").function("square@inlines.c:6") main square
process("T/inlines").function("square@inlines.c:6") cube square
<input>:1:7: error: probe point process("./inlines").function("square").call does not resolve: no function named 'square' in T/inlines
process("T/inlines").function("square@inlines.c:6") $x:int
