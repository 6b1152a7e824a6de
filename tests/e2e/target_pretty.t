# The pretty-printed forms, as SystemTap prints them: $$parms$ with each
# value in its type's format (a char quoted, unsigned ones unsigned, a
# struct's members), $var$ and $var$$ of a struct through a pointer (a
# char array as a string with $$, an array's first element), $str$ of a
# char * as a quoted string, $$return$; and a probe on three functions
# prints each one's own parameters.
run: uscript -e 'probe process("'$T'/vars").function("scalars") { println($$parms$) } probe process("'$T'/vars").function("pointers") { println($o$); println($o$$); println($str$) } probe process("'$T'/vars").function("negative").return { println($$return$) } probe process("'$T'/vars").function("bypair"), process("'$T'/vars").function("many"), process("'$T'/vars").function("fact") { println($$parms$) }' -c "$T/vars" | sed -E 's/\.next=0x[0-9a-f]+/.next=ADDR/'
--- stdout
i=-5 uc='\310' s=-300 l=-4000000000 u=4000000000 c='A' b=1 col=4294967295
{.id=42, .name=[...], .in={...}, .next=ADDR, .arr=[...], .flag=1, .small=-3, .ratio=?, .big=?}
{.id=42, .name="outer", .in={.x=7, .y=-2}, .next=ADDR, .arr=[10, ...], .flag=1, .small=-3, .ratio=?, .big=?}
"hello"
a1=1 a2=2 a3=3 a4=4 a5=5 a6=6 a7=7 a8=-8
p={.a=1, .b=2, .c=3} after=9
return=-7
n=4
n=3
n=2
n=1
