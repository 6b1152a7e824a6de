# << and >> on 64-bit signed values: >> keeps the sign.
run: uscript -e 'probe begin { n = -8; printf("%d %d %d %d %d %d\n", 1 << 62, 1 << 63, n >> 1, -1 >> 63, 256 >> 4, 3 << 4); exit() }'
--- stdout
4611686018427387904 -9223372036854775808 -4 -1 16 48
