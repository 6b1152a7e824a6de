# @defined is 1 where a target expression resolves at the probe and 0
# where it does not, in conditions and as a value; the code it makes dead
# is left out, so what it guards may not resolve; @choose_defined takes the
# first expression that resolves; in begin, nothing resolves.
run: uscript -e 'probe process("'$T'/casts").function("take") { if (@defined($nosuch)) println($nosuch) else println("no nosuch"); if (!@defined($p)) println($nosuch2); printf("%d %d %d %d %d\n", @defined($p), @defined(@cast($p, "struct rec")->nope), @defined(@cast($p, "struct rec")->id), @choose_defined($nosuch, 7), @choose_defined(@var("first")->id, $zz)); x = @defined($q) ? $q : -1; y = @defined($q) && $q->r; z = @defined($p) || $q; println(x, " ", y, " ", z) } probe begin { println(@defined($p), " ", @choose_defined($p, "none")) }' -c "$T/casts"
--- stdout
0 none
no nosuch
1 0 1 7 1
-1 0 1
