# .provider("P").mark("NAME"): both may be wildcards; pp() then names the
# provider, as SystemTap's does where the script named one.
run: uscript -e 'probe process("'$T'/usdt").provider("a*").mark("con*") { printf("%s %d\n", pp(), $arg2) }' -c "$T/usdt 1" | grep -v '^round' | sed "s|$T|T|"
--- stdout
process("T/usdt").provider("app").mark("consts") -9
