# The walk covers a string of MAXSTRINGLEN - 1 bytes to its last byte, in
# BPF: a pattern anchored at the end matches there, and a byte cut off by
# the limit is not there to match.
run: uscript -e 'probe process("'$T'/words").function("word") { w = user_string($w); if (w != "abc") next; s = w; for (i = 0; i < 130; i++) s = s . "-"; t = substr(s, 0, 126) . "z"; printf("%d %d %d %d %d\n", strlen(s), s =~ "^abc-{124}$", (s . "z") =~ "z", t =~ "^abc-+z$", t =~ "-{123}z") }' -c "$T/words abc"
--- stdout
127 1 0 1 1
