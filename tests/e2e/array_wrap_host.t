# Wrapping arrays in a begin probe: `global a%` holds MAXMAPENTRIES
# elements and `global s%[2]` two; storing into an existing element keeps
# its age (a[3] = 33 removes nothing, a[2] = 22 leaves a[2] the oldest), a
# new one removes the oldest.
run: uscript -D MAXMAPENTRIES=3 -e 'global a%, s%[2]; probe begin { for (i = 0; i < 5; i++) { a[i] = i * 10; s[sprint(i)] = "x" . sprint(i) } a[3] = 33; foreach (k in a) printf("%d %d\n", k, a[k]); a[2] = 22; a[9] = 90; foreach (k in a) printf("%d %d\n", k, a[k]); foreach (j in s) printf("%s %s\n", j, s[j]); exit() }'
--- stdout
2 20
3 33
4 40
3 33
4 40
9 90
3 x3
4 x4
