# Wildcards in the names of components work in a script too, as in stap:
# begin* is begin, and .ret* after a function is its .return.
run: cd "$T" && uscript -e 'probe begin* { println("started") } probe process("./add").function("add").ret* { printf("%s %d\n", ppfunc(), $return) }' -c "./add 3" | sed "s|$T|T|"
--- stdout
started
add 1
add 3
add 5
