# Autocast in programs built with -O2, PIE and not: a local that holds
# '&' of an @cast of a parameter (in a register there) reads its members
# as the @cast does.
run: d=$(mktemp -d); gcc -O2 -g -fPIE -pie -o $d/casts "$D/../targets/casts.c" -L$T -lcasts -Wl,-rpath,$T && gcc -O2 -g -fno-pie -no-pie -o $d/casts_nopie "$D/../targets/casts.c" -L$T -lcasts -Wl,-rpath,$T && for b in casts casts_nopie; do uscript -e 'probe process("'$d/$b'").function("take") { r = &@cast($p, "struct rec"); nx = r->next; printf("%d %d %d %s\n", r->id, r->at[2]->y, nx->id, user_string(nx->name)) }' -c "$d/$b"; done; rm -r $d
--- stdout
1 8 2 second
1 8 2 second
