# No .return probe at the ELF entry point: at _start the stack holds argc,
# not a return address, and the probe would change the program's command
# line.  Named, it is an error; a wildcard over a file without DWARF leaves
# it out with a note, and -v names it.
# needs: nothing
run: cd "$T" && d=$(mktemp -d) && strip -g -o "$d/add_nodebug" ./add && { uscript -p2 -e 'probe process("./add").function("_start").return {}'; echo "status $?"; uscript -p2 -e 'probe process("'$d'/add_nodebug").function("*").return {}' >/dev/null; uscript -v -p2 -e 'probe process("'$d'/add_nodebug").function("*").return {}' 2>&1 >/dev/null | grep 'note:'; } 2>&1 | sed "s|$d|D|g"; rm -rf "$d"
--- stdout
<input>:1:7: error: probe point process("./add").function("_start").return does not resolve: '_start' is the program's entry point, where the stack holds argc, not a return address: a .return probe there would change what the program sees of its command line
    1 | probe process("./add").function("_start").return {}
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
<input>:1:7: note: 1 function that '*' matches gets no .return probe (the entry point); -v names them
    1 | probe process("D/add_nodebug").function("*").return {}
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
<input>:1:7: note: no .return probe on '_start': it is the program's entry point, where the stack holds argc, not a return address: a .return probe there would change what the program sees of its command line
