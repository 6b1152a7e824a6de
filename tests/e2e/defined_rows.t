# @defined answers for each point of a probe, as in SystemTap: over a
# wildcard, take() has $p and touch() has not, so each runs the branch
# that is true for it, in if, ?:, && and @choose_defined, and a branch
# reads nothing where it does not run (its $p or $p$ would not resolve).
run: uscript -e 'probe process("'$T'/casts").function("t*") { printf("%s %d %d %s\n", ppfunc(), @defined($p), @choose_defined($p, -1) > 0, @defined($p) ? "has p" : "no p"); if (@defined($p)) printf("id %d\n", @cast($p, "struct rec")->id); else println("else"); if (@defined($p) && $p) println("and"); if (!@defined($p) || $p == 0) println("or") }' -c "$T/casts"; uscript -e 'probe process("'$T'/vars").function("scalars"), process("'$T'/vars").function("pointers") { if (@defined($o)) println($o->in$) else println(ppfunc(), " ", $i) }' -c "$T/vars"
--- stdout
take 1 1 has p
id 1
and
touch 0 0 no p
else
or
scalars -5
{.x=7, .y=-2}
