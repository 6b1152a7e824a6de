# In BPF too, a wrapping array's oldest element is the one made first, not
# the one written last: a[0] is written again after a[1] and a[2] are made,
# and still goes first when a[3] needs the room; a[k]++ makes room as well.
run: cd "$T" && uscript -e 'global a%[3], n%[2]; probe process("./add").function("add") { if ($a < 3) a[$a] = $a; if ($a == 2) a[0] = 100; if ($a == 3) a[3] = 3; n[$a]++ } probe end { foreach (k in a) printf("a %d %d\n", k, a[k]); foreach (k in n) printf("n %d %d\n", k, n[k]) }' -c './add 4'
--- stdout
a 1 1
a 2 2
a 3 3
n 2 1
n 3 1
