# Parameters past the sixth are on the stack, and a struct too big for
# registers is copied there: both are read where the ABI puts them; in
# $$parms a struct is {...}.
run: uscript -e 'probe process("'$T'/vars").function("many") { printf("%d %d %d\n", $a6, $a7, $a8); println($$parms) } probe process("'$T'/vars").function("bypair") { printf("%d %d %d %d\n", $p->a, $p->b, $p->c, $after); println($$parms) }' -c "$T/vars"
--- stdout
6 7 -8
a1=0x1 a2=0x2 a3=0x3 a4=0x4 a5=0x5 a6=0x6 a7=0x7 a8=0xfffffffffffffff8
1 2 3 9
p={...} after=0x9
