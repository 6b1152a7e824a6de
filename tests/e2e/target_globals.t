# The program's globals and statics are $name in its probes where no
# parameter or local has the name, as in SystemTap: a long, a static, a
# struct's members through a pointer, an array's element, '&' on one, and
# pretty-printed; a parameter hides a global of its name ($table), and
# @var("name") without a file is another way to write $name, as in
# SystemTap.
run: uscript -e 'probe process("'$T'/casts_nopie").function("take") { printf("%d %d %d %d %d %d\n", $counter, $hidden, $first->next->id, $word->b[0], $table, &$first->at[2] - &$first) println($second$); println(@var("p") == $p, " ", @var("table"), " ", @var("table@casts.c")[0]) }' -c "$T/casts_nopie"
--- stdout
100 -7 2 1 3 24
{.id=2, .at=[...], .next=0x0, .name=[...], .flag=1}
1 3 10
