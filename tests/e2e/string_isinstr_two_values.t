# isinstr() of two strings neither of which is a literal gives in a probe
# what it gives in begin, also where a partial match comes first, at the
# end, for the empty needle and for a needle longer than the haystack.
run: cd "$T" && uscript -e 'global h, n; function all() { r = ""; for (i = 0; i < 8; i++) r .= sprint(isinstr(h[i], n[i])); return r } probe begin { h[0] = "aaab"; n[0] = "aab"; h[1] = "abc"; n[1] = "bc"; h[2] = "abc"; n[2] = ""; h[3] = "ab"; n[3] = "abc"; h[4] = "xyz"; n[4] = "xz"; h[5] = ""; n[5] = ""; h[6] = "main+0x5d [stacks]"; n[6] = "[stacks]"; h[7] = "abab"; n[7] = "bab"; printf("%s\n", all()) } probe process("./add").function("add") { printf("%s\n", all()); exit() }' -c "./add 1"
--- stdout
11100111
11100111
