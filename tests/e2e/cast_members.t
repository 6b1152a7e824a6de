# @cast on a pointer passed as a plain long: members through a typedef, an
# array of structs by constant and by '.', a pointer followed, a bit-field,
# a char array as a string, a pointer read through "const struct rec *
# const" (qualifiers change nothing), the struct after the one at p ([1]),
# and '&' giving offsets and sizes.
run: uscript -e 'probe process("'$T'/casts").function("take") { printf("%d %d %d %d %s %d\n", @cast($p, "struct rec")->id, @cast($p, "rec_t")->at[2]->y, @cast($p, "struct rec")->next->at[0].x, @cast($p, "rec_t")->flag, user_string(@cast($p, "struct rec")->name), @cast(&@cast($p, "struct rec")->next, "const struct rec * const")->id); printf("%d %d %d %d %d\n", &@cast(0, "struct rec")[2], &@cast(0, "struct rec")->name, &@cast(0, "union word")->b[3], &@cast($p, "struct rec")->at[1] - $p, @cast($p, "long")) }' -c "$T/casts"
--- stdout
1 8 5 5 first 2
112 40 3 16 1
