# strtol stops at the first byte that is not a digit of the base, and skips
# no blank and no '+': "0x" alone is 0 in base 16 and base 0, "-" is 0,
# "12abc" is 12, "19" in base 8 is 1, "08" in base 0 is 0 (octal), "0x10"
# in base 10 is 0.
run: uscript -e 'probe begin { e = ""; printf("%d %d %d %d %d %d\n", strtol("0x", 16), strtol("0x", 0), strtol("-", 10), strtol("abc", 10), strtol("12abc", 10), strtol(e, 10)); printf("%d %d %d %d %d %d\n", strtol(" 5", 10), strtol("+5", 10), strtol("19", 8), strtol("08", 0), strtol("0x10", 10), strtol("--5", 10)); exit() }'
--- stdout
0 0 0 0 12 0
0 0 1 0 0 0
