# Built -O2, f() is inlined into main twice and also has a copy of its own
# (it is external): .function("f") probes all three, so both calls in main
# fire; .call probes only the copy of its own, which nothing calls.
run: d=$(mktemp -d) && gcc -O2 -g -o $d/twice "$D/../targets/twice.c" && uscript -e 'global n; probe process("'$d'/twice").function("f") { n++; printf("%s %s\n", ppfunc(), probefunc()) } probe process("'$d'/twice").function("f").call { println("call") } probe end { printf("%d hits\n", n) }' -c "$d/twice 5"; rm -r $d
--- stdout
f main
f main
2 hits
