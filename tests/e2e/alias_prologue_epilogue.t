# A probe alias: '=' puts its block before the user's body and '+=' after
# it, in one handler whose locals they share; pp() names the point the
# alias stands for.  A name with two definitions makes two probes of a use.
# (-w: the entry's probe never reads r, and elision says so.)
run: uscript -w -e 'probe app.add = process("'$T/add'").function("add") { a = $a; tag = "pro" } probe app.add += process("'$T/add'").function("add").return { printf("epilogue sees %d\n", r) } probe app.add { r = a * 10; printf("%s %d %s\n", tag, a, pp()) }' -c "$T/add 2" | sed -e "s|$T|T|g" -e 's|@[^"]*||'
--- stdout
pro 0 process("T/add").function("add")
 0 process("T/add").function("add").return
epilogue sees 0
pro 1 process("T/add").function("add")
 0 process("T/add").function("add").return
epilogue sees 0
