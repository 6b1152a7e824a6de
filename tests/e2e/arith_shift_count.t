# A shift count is taken modulo 64, as SystemTap's translator masks it
# (count & 63): by 64 is by 0, by -1 is by 63, by 65 by 1; >> is arithmetic
# and >>> (SystemTap's unsigned shift) logical.  In a begin probe and in a
# process probe, with counts computed at run time.
run: cd "$T" && uscript -e 'probe begin { n = 64; m = -1; x = -256; printf("begin %d %d %d %d %d %d\n", 1 << n, 1 << m, 256 >> m, x >> 70, x >>> 4, x >>> (n + 4)) } probe process("./add").function("add") { n = $a + 64; m = $a - 1; x = -256; printf("add %d %d %d %d %d %d\n", 1 << n, 1 << m, 256 >> m, x >> (n + 6), x >>> 4, x >>> (n + 4)) }' -c './add 1'
--- stdout
begin 1 -9223372036854775808 0 -4 1152921504606846960 1152921504606846960
add 1 -9223372036854775808 0 -4 1152921504606846960 1152921504606846960
