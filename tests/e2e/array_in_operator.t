# `k in a` and `[k1, k2] in a`, negated too; every key must match.
run: uscript -e 'global a, b; probe begin { a["x"] = 1; b[1, "y"] = 2; printf("%d %d %d %d %d %d\n", "x" in a, "y" in a, [1, "y"] in b, [1, "z"] in b, [2, "y"] in b, !([1, "y"] in b)); exit() }'
--- stdout
1 0 1 0 0 0
