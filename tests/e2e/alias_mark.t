# Aliases on USDT marks, as tapsets define them: the prologue turns $argN
# into named locals, and a wildcard use (app.*) takes every alias of the
# family, each a probe of its own with its own locals.
run: uscript -e 'probe app.request = process("'$T/usdt'").mark("request") { id = $arg1; name = user_string($arg2) } probe app.consts = process("'$T/usdt'").mark("consts") { a = $arg1; b = $arg2 } probe app.* { printf("%s: %d %s %d %d\n", pp(), id, name, a, b) }' -c "$T/usdt 2" | grep -v '^round' | sed -e "s|$T|T|g"
--- stdout
process("T/usdt").mark("request"): 1 req-1 0 0
process("T/usdt").mark("consts"): 0  7 -9
process("T/usdt").mark("request"): 2 req-2 0 0
process("T/usdt").mark("consts"): 0  7 -9
