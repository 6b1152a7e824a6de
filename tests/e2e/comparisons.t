# Comparisons are signed and give 1 or 0.
run: uscript -e 'probe begin { m = -1; printf("%d %d %d %d %d %d %d %d\n", 1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 5 == 5, 5 != 5, m < 1, m > 0x7fffffff); exit() }'
--- stdout
1 1 0 0 1 0 1 0
