# & | ^ ~ on 64-bit values.
run: uscript -e 'probe begin { a = 0xf0; b = 0x3c; printf("%d %d %d %d %d %x\n", a & b, a | b, a ^ b, ~0, ~5, -1 & 0xffffffff); exit() }'
--- stdout
48 252 204 -1 -6 ffffffff
