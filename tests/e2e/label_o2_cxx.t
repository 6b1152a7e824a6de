# Labels built -O2 (gcc: the loop's label in registers) and as C++ (the
# function's linked name is mangled; ppfunc() is the source name).  clang
# -O2 puts scale's label on padding the kernel cannot probe: a wildcard
# leaves it out with a warning.
run: d=$(mktemp -d) && gcc -O2 -g -o $d/o2 "$D/../targets/lines.c" && g++ -x c++ -O0 -g -o $d/cxx "$D/../targets/lines.c" && clang -O2 -g -o $d/clang "$D/../targets/lines.c" && for b in o2 cxx; do uscript -e 'probe process("'$d/$b'").function("scale").label("again") { printf("%s %s|%d %d %s\n", ppfunc(), probefunc(), $x, $j, $$locals) }' -c "$d/$b 2"; done && uscript -p2 -e 'probe process("'$d'/clang").function("*").label("*") { }' 2>&1 | grep -c warning:; rm -r $d
--- stdout
scale scale|0 0 step=0x0 j=0x0 total=0x0
scale scale|0 1 step=0x0 j=0x1 total=0x0
scale scale|1 0 step=0x0 j=0x0 total=0x0
scale scale|1 1 step=0x1 j=0x1 total=0x1
scale _Z5scaleii|0 0 step=0x0 j=0x0 total=0x0
scale _Z5scaleii|0 1 step=0x0 j=0x1 total=0x0
scale _Z5scaleii|1 0 step=0x0 j=0x0 total=0x0
scale _Z5scaleii|1 1 step=0x1 j=0x1 total=0x1
1
