# @var reads the program's globals and statics where the program is
# loaded, PIE or not: a long, a static by its file, a union's bytes, an
# array's element, members through a pointer, and '&' on them; in a
# .return probe, the value at the return.
run: for b in casts casts_nopie; do uscript -e 'probe process("'$T'/'$b'").function("take") { printf("%d %d %d %d %d %d\n", @var("counter"), @var("hidden@casts.c"), @var("word")->b[7], @var("table@casts.c")[3], @var("first")->next->at[0]->y, &@var("first")->at[1] - &@var("first")) } probe process("'$T'/'$b'").function("take").return { printf("%d %d\n", @var("counter", "'$T'/'$b'"), @var("hidden@casts.c")) }' -c "$T/$b 2"; done
--- stdout
100 -7 8 40 6 16
101 -8
101 -8 8 40 6 16
102 -9
100 -7 8 40 6 16
101 -8
101 -8 8 40 6 16
102 -9
