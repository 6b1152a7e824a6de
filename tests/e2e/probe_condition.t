# probe P if (cond): the handler runs only while the condition on globals
# is true, as SystemTap's enabling and disabling of the probe; a condition
# belongs to its point, so another point of the same probe is not held.
run: uscript -e 'global on = 1, n probe process("'$T/add'").function("add") if (on), process("'$T/add'").function("main") { n++; printf("%s %d\n", ppfunc(), n); if (n == 3) on = 0 } probe process("'$T/add'").function("add").return if (!on) { printf("off %d\n", $return) }' -c "$T/add 5"
--- stdout
main 1
add 2
add 3
off 3
off 5
off 7
off 9
