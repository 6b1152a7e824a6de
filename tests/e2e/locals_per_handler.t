# Locals belong to one run of a handler: each hit starts again from 0 and "".
run: cd "$T" && uscript -e 'probe process("./add").function("add") { n += 1; s .= "x"; printf("%d %s\n", n, s) }' -c './add 3'
--- stdout
1 x
1 x
1 x
