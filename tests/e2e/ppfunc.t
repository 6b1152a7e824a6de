# ppfunc() is the function the probe point names, without the @file:line
# pp() adds; "" in probes that are not on a function.
run: cd "$T" && uscript -e 'probe begin { printf("begin [%s]\n", ppfunc()) } probe process("./demo").function("c*_lookup"), process("./demo").function("compute").return { printf("%s|%s\n", ppfunc(), probefunc()) }' -c './demo 1' | grep -v '^demo:'
--- stdout
begin []
cache_lookup|cache_lookup
compute|compute
