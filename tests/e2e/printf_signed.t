# %d and %i: 64-bit signed decimal.
run: uscript -e 'probe begin { printf("%d %i %d %d %d\n", 0, -42, 9223372036854775807, -9223372036854775808, 4294967296); exit() }'
--- stdout
0 -42 9223372036854775807 -9223372036854775808 4294967296
