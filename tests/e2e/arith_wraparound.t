# 64-bit arithmetic wraps around; the most negative number divided by -1 is itself
# and its remainder is 0 (SystemTap's _stp_div64 and _stp_mod64).
run: uscript -e 'probe begin { max = 9223372036854775807; min = -max - 1; m = -1; printf("%d %d %d %d %d %d\n", max + 1, min - 1, max * 2, -min, min / m, min % m); exit() }'
--- stdout
-9223372036854775808 9223372036854775807 -2 -9223372036854775808 -9223372036854775808 0
