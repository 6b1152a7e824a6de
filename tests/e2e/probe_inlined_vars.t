# At an inlined copy of a function, the target variables are the copy's,
# read where DWARF puts them at its first instruction: $x of square() in
# main and in cube() (-O0), and $$parms at -O2, where the copy left (in
# cube) has its argument nowhere at its first instruction: "?".
run: cd "$T" && uscript -e 'probe process("./inlines").function("square") { printf("%s %s x=%d %s %s\n", ppfunc(), probefunc(), $x, $$parms, $x$) }' -c './inlines 2' && d=$(mktemp -d) && gcc -O2 -g -o $d/inlines "$D/../targets/inlines.c" && uscript -e 'global n; probe process("'$d'/inlines").function("square") { n[probefunc(), $$parms]++ } probe end { foreach ([f, p] in n) printf("%s %s %d\n", f, p, n[f, p]) }' -c "$d/inlines 2" | sort; rm -r $d
--- stdout
square main x=0 x=0x0 0
square main x=1 x=0x1 1
square cube x=0 x=0x0 0
square main x=1 x=0x1 1
square main x=2 x=0x2 2
square cube x=1 x=0x1 1
cube x=? 2
