# $return in .return probes, with the function's return type (a short -7
# sign-extended; a pointer, checked against the struct it points to), and
# $$return.
run: uscript -e 'probe process("'$T'/vars").function("negative").return { printf("%d %s\n", $return, $$return) } probe process("'$T'/vars").function("make").return { printf("%d %d\n", $return->id, $return == 0) }' -c "$T/vars"
--- stdout
-7 return=0xfffffffffffffff9
5 0
