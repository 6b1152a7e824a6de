# @MAXSTRINGLEN, as SystemTap's macros.stpm has it: the longest string
# plus its NUL, 128 unless -D MAXSTRINGLEN changes it; a script's own
# @define of the name wins.
# needs: nothing
run: uscript -e 'probe begin { println(@MAXSTRINGLEN); exit() }'; uscript -D MAXSTRINGLEN=256 -e 'probe begin { s = sprintf("%300s", "x"); println(@MAXSTRINGLEN, " ", strlen(s) == @MAXSTRINGLEN - 1); exit() }'; uscript -e '@define MAXSTRINGLEN %( 7 %) probe begin { println(@MAXSTRINGLEN); exit() }'
--- stdout
128
256 1
7
