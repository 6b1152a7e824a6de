# usymname(), usymdata() and umodname() as array keys and values, read
# back in the end probe; umodname() is the module's path (non-PIE).
run: cd "$T" && uscript -e 'global calls, data; probe process("./stacks_nopie").function("apply") { calls[usymname(pointer_arg(1)), umodname(pointer_arg(1))]++; data[usymname(pointer_arg(1))] = usymdata(pointer_arg(1)) } probe end { foreach ([n, m] in calls) printf("%s %s %d %s\n", n, m, calls[n, m], data[n]) }' -c './stacks_nopie 4' | sed "s|$T|T|g"
--- stdout
square T/stacks_nopie 4 square+0x0/0xf [T/stacks_nopie]
