# An alias may name an alias (the inner prologue runs first); a use with a
# suffix (.return) adds it to the points underneath; '?' on a use makes the
# points underneath optional.
run: uscript -e 'probe app.fn = process("'$T/add'").function("add") { x = $a } probe app.fn2 = app.fn { y = x * 2 } probe app.fn2.return { printf("%s %d %d %d\n", pp(), x, y, $return) } probe app.missing = process("'$T/add'").function("nosuch") { } probe app.missing? { println("never") }' -c "$T/add 2" | sed -e "s|$T|T|g" -e 's|@[^"]*||'
--- stdout
process("T/add").function("add").return 0 0 1
process("T/add").function("add").return 1 2 3
