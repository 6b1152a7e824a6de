# foreach in a process probe: the kernel walks the array.  Every form —
# limit, the value form, continue and break, two string keys, one loop inside
# another, and a function that returns from inside its loop — with results
# that do not depend on the order of the walk.
run: cd "$T" && uscript -e 'global a, b; function firstbig(lim) { foreach ([x, y] in b) if (b[x, y] > lim) return x . "/" . y; return "none" } probe process("./add").function("add") { i = int_arg(1); a[i] = i * 10; b[sprintf("k%d", i), i % 2 ? "odd" : "even"] = i; n = 0; foreach (k in a limit 2) n++; c = 0; foreach (v = [k] in a) { if (v == 10) continue; if (v > 100) break; c += v } t = 0; foreach ([s1, s2] in b) { if (s2 == "odd") t++ } pairs = 0; foreach (p in a) foreach (q in a) pairs++; printf("%d: limit2=%d sumnot10=%d odd=%d pairs=%d big=%s %s\n", i, n, c, t, pairs, firstbig(i - 1), firstbig(i)) }' -c './add 5'
--- stdout
0: limit2=1 sumnot10=0 odd=0 pairs=1 big=k0/even none
1: limit2=2 sumnot10=0 odd=1 pairs=4 big=k1/odd none
2: limit2=2 sumnot10=20 odd=1 pairs=9 big=k2/even none
3: limit2=2 sumnot10=50 odd=2 pairs=16 big=k3/odd none
4: limit2=2 sumnot10=90 odd=2 pairs=25 big=k4/even none
