# @choose_defined(a, b)->member: the members of whichever is defined at
# the probe, read by the type it has, as SystemTap's autocast reads them.
run: cd "$T" && uscript -e 'probe process("./vars").function("pointers") { printf("%d %d\n", @choose_defined($nosuch, $o)->id, @choose_defined($o, $nosuch)->in->x) }' -c ./vars
--- stdout
42 7
