# Debug information found by build id under a root that
# SYSTEMTAP_DEBUGINFO_PATH names (ROOT/.build-id/NN/REST.debug), and as
# ROOT/PATH.debug under it: the stripped program's functions, variables and
# lines are all there.
run: d=$(mktemp -d); for l in buildid pathname; do "$D/debuginfo_layout.sh" $l "$T/lines" $d/$l && SYSTEMTAP_DEBUGINFO_PATH=$d/$l/root uscript -e 'probe process("'$d/$l'/prog").function("scale") { printf("%s %d %d\n", ppfunc(), $x, $k) } probe process("'$d/$l'/prog").statement("scale@lines.c:14") { printf("line 14 step=%d\n", $step) }' -c "$d/$l/prog 2"; SYSTEMTAP_DEBUGINFO_PATH=$d/$l/root uscript -L 'process("'$d/$l'/prog").function("scale")' | sed -e "s|$d|D|" -e 's|@/[^"]*/lines.c|@lines.c|'; done; SYSTEMTAP_DEBUGINFO_PATH=$d/buildid/root uscript -v -p2 -e 'probe process("'$d/buildid'/prog").function("scale") { println($x) }' 2>&1 | grep "debug information of" | sed -e "s|$d|D|g" -e "s|/[0-9a-f]*/[0-9a-f]*\.debug$|/NN/REST.debug|"; uscript -p2 -e 'probe process("'$d/buildid'/prog").function("scale") {}' 2>&1 | grep -c "no function named 'scale'"; rm -r $d
--- stdout
scale 0 2
line 14 step=0
line 14 step=0
scale 1 2
line 14 step=0
line 14 step=1
process("D/buildid/prog").function("scale@lines.c:9") $x:int $k:int $total:int
scale 0 2
line 14 step=0
line 14 step=0
scale 1 2
line 14 step=0
line 14 step=1
process("D/pathname/prog").function("scale@lines.c:9") $x:int $k:int $total:int
uscript: the debug information of D/buildid/prog is read from D/buildid/root/.build-id/NN/REST.debug
1
