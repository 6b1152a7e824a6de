# printd and printdln in a process probe.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printd(":", int_arg(1), execname()); printdln("/", "", int_arg(2)) }' -c './add 2'
--- stdout
0:add/1
1:add/2
