# probe A!, B, C: the points after the first '!' one that resolves are not
# tried (SystemTap's sufficient points); one that does not resolve is
# optional, and the next is tried.  Through an alias too: a '!' on its use
# passes to its points, and once one of them resolves, the points written
# after the use are not tried.
run: uscript -e 'probe process("'$T/add'").function("nosuch")!, process("'$T/add'").function("add")!, process("'$T/add'").function("main") { println(ppfunc()) }' -c "$T/add 2"; uscript -e 'probe app.missing = process("'$T/add'").function("nosuch") { } probe app.add = process("'$T/add'").function("add") { } probe app.missing!, app.add!, process("'$T/add'").function("main"), app.add { println("alias ", ppfunc()) }' -c "$T/add 1"
--- stdout
add
add
alias add
