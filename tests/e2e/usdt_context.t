# $$name, $$provider, $$parms (SystemTap's "$arg1=%#x ...") and pp() at
# every USDT probe of a program; "none" has no arguments.
run: cd "$T" && uscript -e 'probe process("./usdt").mark("*") { printf("%s %s:%s [%s]\n", pp(), $$provider, $$name, $$parms) }' -c './usdt 1' | grep -v '^round' | sed -E -e "s|$T|T|" -e 's/(request.*arg2=)0x[0-9a-f]+ /\1ADDR /'
--- stdout
process("T/usdt").mark("request") app:request [$arg1=0x1 $arg2=ADDR $arg3=0xffffffffffffffff]
process("T/usdt").mark("bytes") app:bytes [$arg1=0xffffffffffffffff $arg2=0xff $arg3=0xfffffffffffffffe $arg4=0xffff]
process("T/usdt").mark("consts") app:consts [$arg1=0x7 $arg2=0xfffffffffffffff7]
process("T/usdt").mark("twice") app:twice [$arg1=0x1]
process("T/usdt").mark("twice") app:twice [$arg1=0x2]
process("T/usdt").mark("none") app:none []
