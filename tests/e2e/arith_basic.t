# Integer arithmetic with the usual precedence.
run: uscript -e 'probe begin { printf("%d %d %d %d %d\n", 1 + 2 * 3 - 4, (1 + 2) * 3, 7 / 2, 7 % 3, -(3 - 10)); exit() }'
--- stdout
3 9 3 1 7
