# Through pointers: members of nested structs and through a typedef, a
# pointer to another struct, array elements by a constant and by an
# expression, bit-fields, *$p, a char array read as a string, and floats
# as the bits of a double (1.5 and 2.25).
run: uscript -e 'probe process("'$T'/vars").function("pointers") { printf("%s %d %s %d %d %d %d %d %d %d %d %d %d\n", user_string($str), $o->id, user_string($o->name), $o->in->x, $o->in->y, $o->next->x, $o->next->y, $o->arr[2], $o->flag, $o->small, *$ip, $vp, $o->arr[$o->in->x - 6]); printf("%x %x\n", $o->ratio, $o->big) }' -c "$T/vars"
--- stdout
hello 42 outer 7 -2 30 -4 30 1 -3 99 0 20
3ff8000000000000 4002000000000000
