# As in SystemTap, a wildcard in a file with DWARF names the functions the
# DWARF describes, not those the compiler and the linker added (_start,
# _init, frame_dummy...); without DWARF it names every function of the
# symbol table.
# needs: nothing
run: cd "$T" && d=$(mktemp -d) && strip -g -o "$d/add_nodebug" ./add && { uscript -l 'process("./add").function("*")'; uscript -l 'process("'$d'/add_nodebug").function("*")' | sort; } | sed -e "s|$T|T|g" -e "s|$d|D|g" -e 's|@[^"]*/add.c|@add.c|'; rm -rf "$d"
--- stdout
process("T/add").function("add@add.c:5")
process("T/add").function("main@add.c:10")
process("D/add_nodebug").function("__do_global_dtors_aux")
process("D/add_nodebug").function("_fini")
process("D/add_nodebug").function("_init")
process("D/add_nodebug").function("_start")
process("D/add_nodebug").function("add")
process("D/add_nodebug").function("deregister_tm_clones")
process("D/add_nodebug").function("frame_dummy")
process("D/add_nodebug").function("main")
process("D/add_nodebug").function("register_tm_clones")
