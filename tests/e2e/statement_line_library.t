# A source line of a shared library: its line table's addresses are the
# library's own, and its locals are read in every process that maps it
# (here usdt_lib's, whose own lines print "round N untraced").
run: cd "$T" && uscript -e 'probe process("./libusdt.so").statement("lib_work@libusdt.c:14") { printf("%s %d %d\n", ppfunc(), $n, $twice) }' -c './usdt_lib 2' | grep -v '^round'
--- stdout
lib_work 1 2
lib_work 2 4
