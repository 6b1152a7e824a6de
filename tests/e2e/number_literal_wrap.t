# Integer literals up to 2^64 - 1 wrap to negative longs, as in SystemTap:
# in host code (begin) and in a probe, in globals' initial values too.
run: cd "$T" && uscript -e 'global g = 18446744073709551615, h = -9223372036854775808 probe begin { printf("%d %d %d %d\n", 18446744073709551615, 0xffffffffffffffff, 9223372036854775808, -18446744073709551615) } probe process("./add").function("add") { printf("%d %d %d %d %d\n", 0x8000000000000000, 01777777777777777777777, g, h, 18446744073709551615 + int_arg(1)) }' -c './add 1'
--- stdout
-1 -1 -9223372036854775808 1
-9223372036854775808 -1 -1 -9223372036854775808 -1
