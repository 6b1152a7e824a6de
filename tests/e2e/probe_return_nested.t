# Return probes of a recursive function nest: entries outermost first, returns
# innermost first, each with its own value.
run: cd "$T" && uscript -e 'probe process("./many").function("fact") { printf("-> %d\n", int_arg(1)) } probe process("./many").function("fact").return { printf("<- %d\n", returnval()) }' -c ./many
--- stdout
-> 4
-> 3
-> 2
-> 1
<- 1
<- 2
<- 6
<- 24
