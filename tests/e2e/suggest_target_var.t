# needs: nothing
# A target variable the function does not have names the closest of its
# parameters and locals (similar: ...); a member a struct does not have
# names its members, the closest first.
run: cd "$T" && uscript -p2 -e 'probe process("./vars").function("pointers") { println($sttr) }' 2>&1 | grep error: | sed -e "s|$T|T|" -e 's|@/[^"]*/vars.c|@vars.c|'; uscript -p2 -e 'probe process("./vars").function("pointers") { println($o->nmae) }' 2>&1 | grep error: | sed -e "s|$T|T|" -e 's|@/[^"]*/vars.c|@vars.c|'
--- stdout
<input>:1:56: error: no parameter or variable $sttr in pointers, at process("T/vars").function("pointers@vars.c:40") (similar: $str)
<input>:1:56: error: $o->nmae at process("T/vars").function("pointers@vars.c:40"): unable to find member 'nmae' for struct outer (alternatives: name, arr, flag, id, in, next, small, big, ratio)
