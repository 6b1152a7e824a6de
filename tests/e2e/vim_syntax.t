# The Vim files (contrib/vim): *.up, *.stp and a script with a uscript #!
# line get the uscript file type, and its syntax marks keywords, probe
# kinds, strings and their formats and escapes, target variables, builtins
# and comments.
# needs: nothing
run: d=$(mktemp -d); printf 'global n\nprobe process("a").function("f") { n++; printf("%%d\\n", $x) } # c\n' > $d/t.up; cp $d/t.up $d/t.stp; printf '#!/usr/bin/env uscript\nprobe begin { exit() }\n' > $d/script; for f in t.up t.stp script; do vim -Nu NONE -Es --cmd "set rtp^=$D/../../contrib/vim" -c 'filetype on' -c 'syntax on' -c "e $d/$f" -c "call writefile([&filetype], '$d/out')" -c 'qa!'; cat $d/out; done; vim -Nu NONE -Es --cmd "set rtp^=$D/../../contrib/vim" -c 'filetype on' -c 'syntax on' -c "e $d/t.up" -c "call writefile(map([1, 7, 15, 20, 29, 41, 49, 51, 56, 62], 'synIDattr(synID(2, v:val, 1), \"name\")'), '$d/out')" -c 'qa!'; cat $d/out; rm -r $d
--- stdout
uscript
uscript
uscript
uscriptDeclare
uscriptProbeKind
uscriptString
uscriptProbeKind
uscriptString
uscriptBuiltin
uscriptFormat
uscriptEscape
uscriptTarget
uscriptComment
