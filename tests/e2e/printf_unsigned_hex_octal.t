# %u %x %X %o print the 64 bits of the value unsigned.
run: uscript -e 'probe begin { printf("%u %x %X %o\n", -1, -1, -256, -1); printf("%u %x %X %o\n", 255, 255, 255, 255); exit() }'
--- stdout
18446744073709551615 ffffffffffffffff FFFFFFFFFFFFFF00 1777777777777777777777
255 ff FF 377
