# six(…, -1234567890123L, 18446744073709551615ul, …): long_arg and ulong_arg keep all
# 64 bits; int_arg and uint_arg cut them to 32.
run: cd "$T" && uscript -e 'probe process("./args").function("six") { printf("%d %d %d\n", long_arg(3), int_arg(3), uint_arg(3)); printf("%d %u %d %x\n", long_arg(4), ulong_arg(4), int_arg(4), uint_arg(4)) }' -c ./args
--- stdout
-1234567890123 -1912276171 2382691125
-1 18446744073709551615 -1 ffffffff
