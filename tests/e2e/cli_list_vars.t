# needs: nothing
# -L lists each probe point once with its target variables, as SystemTap
# does: a USDT name with two sites is one line; -l is the same without
# the variables.  Lines come sorted, as stap's do.
run: cd "$T" && uscript -L 'process("./usdt").mark("*")' | sed "s|$T|T|"; uscript -l 'process("./usdt").mark("t*")' | sed "s|$T|T|"
--- stdout
process("T/usdt").mark("bytes") $arg1:long $arg2:long $arg3:long $arg4:long
process("T/usdt").mark("consts") $arg1:long $arg2:long
process("T/usdt").mark("none")
process("T/usdt").mark("request") $arg1:long $arg2:long $arg3:long
process("T/usdt").mark("twice") $arg1:long
process("T/usdt").mark("twice")
