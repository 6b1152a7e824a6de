# >> keeps the sign, comparisons are signed, and bit operations are 64-bit in BPF.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { m = int_arg(1) - 8; printf("%d %d %d %d %d %x\n", m >> 1, m << 60, m < int_arg(2), m > 0x7fffffff, ~m, m & 0xffffffff); exit() }' -c './add 1'
--- stdout
-4 -9223372036854775808 1 0 7 fffffff8
