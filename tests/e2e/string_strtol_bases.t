# strtol(s, base) is the kernel's simple_strtol: base 10, 8, 16 and 2; base 0
# takes 0x as hex and a leading 0 as octal; base 16 skips a 0x.
run: uscript -e 'probe begin { printf("%d %d %d %d %d\n", strtol("123", 10), strtol("-123", 10), strtol("017", 10), strtol("17", 8), strtol("101", 2)); printf("%d %d %d %d\n", strtol("0x1f", 16), strtol("1f", 16), strtol("FF", 16), strtol("-0x10", 16)); printf("%d %d %d %d %d\n", strtol("0x1f", 0), strtol("0X1F", 0), strtol("017", 0), strtol("17", 0), strtol("0", 0)); exit() }'
--- stdout
123 -123 17 15 5
31 31 255 -16
31 31 15 17 0
