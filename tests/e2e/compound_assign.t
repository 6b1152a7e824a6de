# Every compound assignment, ++ and -- before and after.
run: uscript -e 'probe begin { x = 10; x += 5; print(x, " "); x -= 3; print(x, " "); x *= 4; print(x, " "); x /= 5; print(x, " "); x %= 5; print(x, " "); x <<= 4; print(x, " "); x >>= 2; print(x, " "); x &= 6; print(x, " "); x |= 9; print(x, " "); x ^= 3; println(x); y = 5; printf("%d %d %d %d %d\n", y++, y, ++y, y--, --y); exit() }'
--- stdout
15 12 48 9 4 64 16 0 9 10
5 6 7 7 5
