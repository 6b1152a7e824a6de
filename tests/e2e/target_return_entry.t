# In a .return probe a parameter is its value at the entry, as in
# SystemTap, whatever the function did with its register since: read
# through members, in $$parms, and in a recursive function, where each
# return gets its own call's value.
run: uscript -e 'probe process("'$T'/vars").function("fact").return { printf("fact(%d) = %d %s\n", $n, $return, $$parms) } probe process("'$T'/vars").function("scalars").return { printf("%d %d %d -> %d\n", $i, $uc, $col, $return) } probe process("'$T'/vars").function("pointers").return { printf("%d %s %s\n", $o->in->x, user_string($str), $$return) }' -c "$T/vars"
--- stdout
-5 200 4294967295 -> -40
7 hello return=0x92
fact(1) = 1 n=0x1
fact(2) = 2 n=0x2
fact(3) = 6 n=0x3
fact(4) = 24 n=0x4
