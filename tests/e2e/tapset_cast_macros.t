# The @cast macros of offsetof.stpm, container_of.stpm, sizeof.stpm and
# type_defined.stpm on a program's types: a member's offset (at[1] of
# struct rec is 16 bytes in, name 40), the struct that holds a member at
# an address (then its members, next too, a keyword as a member's name),
# sizes (struct rec 56, struct point 8, union word 8), and whether a type
# or a member exists (1 or 0, decided at compile time).  In a probe on
# the program, and sizes in a begin probe too.
run: cd "$T" && uscript -e 'probe begin { printf("%d %d\n", @cast_module_sizeof("./casts", "struct rec"), @module_type_defined("./casts", "struct rec")) } probe process("./casts").function("take") { q = $p + @module_offsetof("./casts", "struct rec", at[1]); printf("%d %d %d %d\n", q - $p, @module_container_of(q, "./casts", "struct rec", at[1])->id, @module_container_of(q, "./casts", "struct rec", at[1])->next->id, @module_container_of(q, "./casts", "struct rec", at[1])->at[2]->y); printf("%d %d %d %d\n", @cast_module_sizeof("./casts", "struct rec"), @cast_module_sizeof("./casts", "struct point"), @cast_sizeof("union word"), @module_offsetof("./casts", "struct rec", name)); printf("%d %d %d %d %d %d\n", @module_type_defined("./casts", "struct rec"), @module_type_defined("./casts", "struct nosuch"), @module_type_member_defined("./casts", "struct rec", next), @module_type_member_defined("./casts", "struct rec", nosuch), @type_defined("struct rec"), @type_defined("struct nosuch")) }' -c ./casts
--- stdout
56 1
16 1 2 8
56 8 8 40
1 0 1 0 1 0
