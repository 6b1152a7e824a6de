# $arg1…$argN of USDT probes, decoded from each site's operand: registers
# of every width and memory, signed ones sign-extended and unsigned ones
# zero-extended, constants; a char * argument read with user_string().
# The same in a PIE, a non-PIE and a stripped program.
run: for p in usdt usdt_nopie usdt_stripped; do uscript -e 'probe process("'$T/$p'").mark("request") { printf("%d %s %d\n", $arg1, user_string($arg2), $arg3) } probe process("'$T/$p'").mark("bytes") { printf("%d %d %d %d\n", $arg1, $arg2, $arg3, $arg4) } probe process("'$T/$p'").mark("consts") { printf("%d %d\n", $arg1, $arg2) }' -c "$T/$p 2" | grep -v '^round'; done
--- stdout
1 req-1 -1
-1 255 -2 65535
7 -9
2 req-2 -2
-1 255 -2 65535
7 -9
1 req-1 -1
-1 255 -2 65535
7 -9
2 req-2 -2
-1 255 -2 65535
7 -9
1 req-1 -1
-1 255 -2 65535
7 -9
2 req-2 -2
-1 255 -2 65535
7 -9
