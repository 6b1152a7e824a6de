# a[k]++, ++a[k], a[k]--, +=, -=, *= on elements, created or not: a missing
# element starts from 0, and a[k]++ yields the old value.
run: uscript -e 'global a; probe begin { a["x"]++; a["x"]++; a["y"] += 5; a["y"] -= 2; a["z"] = 10; a["z"] *= 3; ++a["w"]; printf("%d %d %d %d\n", a["x"], a["y"], a["z"], a["w"]); printf("%d %d %d\n", a["q"]++, a["q"], --a["y"]); exit() }'
--- stdout
2 3 30 1
0 1 2
