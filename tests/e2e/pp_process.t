# pp() of a function probe, as SystemTap prints it for a binary with DWARF (the
# targets are built with -g): the absolute executable path and function("NAME@FILE:LINE"),
# where add() is defined at line 5 of tests/targets/add.c.
run: cd "$T" && src=$(cd "$D/../.." && pwd) && uscript -D MAXSTRINGLEN=512 -e 'probe process("./add").function("add") { println(pp()) } probe process("./add").function("add").return { println(pp()); exit() }' -c './add 1' | sed -e "s|$src/tests/targets/|SRC/|g" -e "s|$T|T|g"
--- stdout
process("T/add").function("add@SRC/add.c:5")
process("T/add").function("add@SRC/add.c:5").return
