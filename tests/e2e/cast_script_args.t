# As in SystemTap's tests, @var's and @cast's names and modules may be
# script arguments (@1), and @var's file a pattern ("c*ts.c").
run: uscript -e 'probe process("'$T'/casts").function("take") { printf("%d %d %d %d %d\n", @var(@1)->id, @cast($p, @2, @3)->id, @var("counter", @3), @var("hidden@c*ts.c"), @var("counter@*/casts.c")) }' -c "$T/casts" first "struct rec" "$T/casts"
--- stdout
1 1 100 -7 100
