# A full wrapping array of statistics gives up the element made first, as
# SystemTap's does; adding to an element keeps its age.  add(i, i + 1) for
# i = 0..6: st[0] is made at i = 0, goes at i = 3, is made again at once
# and goes again at i = 6, made again last.
run: cd "$T" && uscript -e 'global st%[3]; probe process("./add").function("add") { st[$a] <<< $b; if ($a > 0) st[0] <<< 100 } probe end { foreach (k in st) printf("%d: %d %d\n", k, @count(st[k]), @sum(st[k])) }' -c './add 7'
--- stdout
0: 1 100
5: 1 6
6: 1 7
