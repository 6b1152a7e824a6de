# @cast, @var and '&' in programs built with -O2, PIE and not: the same
# values as at -O0 (take()'s $p is in a register at its entry either way).
run: d=$(mktemp -d); gcc -O2 -g -fPIE -pie -o $d/casts "$D/../targets/casts.c" -L$T -lcasts -Wl,-rpath,$T && gcc -O2 -g -fno-pie -no-pie -o $d/casts_nopie "$D/../targets/casts.c" -L$T -lcasts -Wl,-rpath,$T && for b in casts casts_nopie; do uscript -e 'probe process("'$d/$b'").function("take") { printf("%d %d %s %d %d %d\n", @cast($p, "rec_t")->at[2]->y, @cast($p, "struct rec")->next->id, user_string(@cast($p, "struct rec")->name), @var("counter"), @var("table@casts.c")[3], &@var("first")->at[1] - &@var("first")) }' -c "$d/$b"; done; rm -r $d
--- stdout
8 2 first 100 40 16
8 2 first 100 40 16
