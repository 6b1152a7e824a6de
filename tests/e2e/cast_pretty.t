# @cast(...)$ and @var(...)$ print the struct they end at, as $var$ does,
# $$ one level deeper, and so does a $var with members ($o->in$).
run: uscript -e 'probe process("'$T'/casts_nopie").function("take") { println(@cast($p, "struct rec")->at[1]$); println(@var("first")$$); println(@cast($p, "struct rec")->next$); println(@var("word")$) } probe process("'$T'/vars").function("pointers") { println($o->in$, " ", $o->next$$) }' -c "$T/casts_nopie"; uscript -e 'probe process("'$T'/vars").function("pointers") { println($o->in$, " ", $o->next$$) }' -c "$T/vars"
--- stdout
{.x=3, .y=4}
{.id=1, .at=[{.x=1, .y=2}, ...], .next=0x404040, .name="first", .flag=5}
{.id=2, .at=[...], .next=0x0, .name=[...], .flag=1}
{.l=578437695752307201, .b=[...]}
{.x=7, .y=-2} {.x=30, .y=-4}
