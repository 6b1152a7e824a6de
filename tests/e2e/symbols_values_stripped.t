# Frames in a file without symbols: the value of sprint_ubacktrace() is
# print's "0xADDR [file+0xOFF]" lines, usymname() the address in hex,
# usymdata() "0xADDR [path+0xOFF/0xSIZE]" as print_ubacktrace() writes the
# frame, umodname() the path.  (The probe is inside apply, after its frame
# is set up, so that the walk starts from it.)
# Stacks from the walk by frame pointers alone (-D USTACK_BYTES=0), of
# which the value is made: printed ones are otherwise unwound by CFI.
run: cd "$T" && a=$(printf '0x%x' $((0x$(nm stacks | awk '$3 == "apply" { print $1 }') + 4))) && uscript -D USTACK_BYTES=0 -D MAXSTRINGLEN=512 -e 'probe process("./stacks_stripped").statement('$a') { s = sprint_ubacktrace(); printf("%s==\n%s", s, sprint_ubacktrace()); a = strtol(ucallers(0), 16); printf("%d %s|%s\n", usymname(a) == sprintf("0x%x", a), usymdata(a), umodname(a)); print_ubacktrace(); exit() }' -c './stacks_stripped 3' > out.$$; if diff <(sed -n '1,/^==$/p' out.$$ | head -n -1) <(sed -n '/^==$/,/^[0-9] /p' out.$$ | sed '1d;$d') >/dev/null; then echo same; fi; grep -c 'stacks_stripped+0x' out.$$; grep '^1 ' out.$$ | sed -E "s|$T|T|g; s/0x[0-9a-f]+ \[/ADDR [/"; grep -m1 '^ 0x' out.$$ | sed -E "s|$T|T|g; s/0x[0-9a-f]+ \[/ADDR [/"; rm -f out.$$
--- stdout
same
16
1 ADDR [T/stacks_stripped+0x115c/0x5000]|T/stacks_stripped
 ADDR [T/stacks_stripped+0x115c/0x5000]
