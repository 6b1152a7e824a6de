# A global array keyed by a long and a string, written and read in begin; a
# missing element reads as 0 for a long array and "" for a string array.
run: uscript -e 'global a, s; probe begin { a[1, "k"] = 3; a[2, "k"] = a[1, "k"] + 4; s["x", 7] = "v"; printf("%d %d %d [%s] [%s]\n", a[1, "k"], a[2, "k"], a[1, "j"], s["x", 7], s["y", 7]); exit() }'
--- stdout
3 7 0 [v] []
