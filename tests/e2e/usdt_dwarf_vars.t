# At a USDT site, the variables in scope there are target variables too,
# as in SystemTap, where the program has debug information: parameters and
# locals of the function around the site in its frame (-O0, PIE and not)
# or in registers (-O2), members through them, '&' and $var$; $argN keeps
# its meaning.  What the compiler optimized out at the site is an error
# that says so.
run: d=$(mktemp -d); gcc -O2 -g -o $d/usdt_o2 "$D/../targets/usdt.c"; for p in $T/usdt $T/usdt_nopie; do uscript -e 'probe process("'$p'").mark("request") { printf("%d %d %d %s %d %d %d %s\n", $round, $r->id, $size, user_string($r->name), $arg1, $uc, &$r->name - $r, $r$) }' -c "$p 2" | grep -v '^round'; done; uscript -e 'probe process("'$d'/usdt_o2").mark("request") { printf("%d %s %d %d %s\n", $r->id, user_string(&$r->name[0]), $arg3, $uc, $r$) }' -c "$d/usdt_o2 2" | grep -v '^round'; uscript -p2 -e 'probe process("'$d'/usdt_o2").mark("request") { println($size) }' 2>&1 | head -1 | sed "s|$d|D|"; rm -r $d
--- stdout
1 1 -1 req-1 1 255 8 {.id=1, .name=[...]}
2 2 -2 req-2 2 255 8 {.id=2, .name=[...]}
1 1 -1 req-1 1 255 8 {.id=1, .name=[...]}
2 2 -2 req-2 2 255 8 {.id=2, .name=[...]}
1 req-1 -1 255 {.id=1, .name=[...]}
2 req-2 -2 255 {.id=2, .name=[...]}
<input>:1:72: error: $size at process("D/usdt_o2").mark("request") cannot be read: 'size' has no place at the address: the compiler optimized it out there
