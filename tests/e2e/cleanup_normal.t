# A normal stop (the -c command exits) leaves no BPF program, map, link or
# uprobe event of uscript's behind, with uprobe_multi links and without.
# alone: leftovers.sh takes any BPF object loaded meanwhile for this case's
run: m=$("$D/leftovers.sh" mark); uscript -e 'global n; probe process("'$T'/ticker").function("tick") { n++ } probe process("'$T'/ticker").function("tick").return { n++ }' -c "$T/ticker 3"; USCRIPT_NO_UPROBE_MULTI=1 uscript -e 'global n; probe process("'$T'/ticker").function("tick") { n++ }' -c "$T/ticker 3"; "$D/leftovers.sh" check $m
--- stdout
n=6
n=3
no leftovers
