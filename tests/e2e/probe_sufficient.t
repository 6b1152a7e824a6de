# probe A!, B, C: the points after the first '!' one that resolves are not
# tried (SystemTap's sufficient points); one that does not resolve is
# optional, and the next is tried.
run: uscript -e 'probe process("'$T/add'").function("nosuch")!, process("'$T/add'").function("add")!, process("'$T/add'").function("main") { println(ppfunc()) }' -c "$T/add 2"
--- stdout
add
add
