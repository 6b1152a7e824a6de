# text_strn(s, len, quoted) as SystemTap's _stp_text_str makes it, the same
# in a process probe (generated code) as in end (the runtime): the script
# is builtin_text_strn.up.
run: cd "$T" && uscript "$D/builtin_text_strn.up" -c './add 1'
--- stdout
[hello world]["hello world"][hell][""...]["hel"...]["hell"...]["hello"...]["hello world"]
[a\nb\tc\"d\\e]["a\nb\tc\"d\\e"][a\nb][""...]["a\n"...]["a\nb"...]["a\nb"...]["a\nb\tc\"d\\e"]
[ab\001cdefgh]["ab\001cdefgh"][ab][""...]["ab"...]["ab"...]["ab"...]["ab\001cdefgh"]
[x\u00E9y\u20ACz\U0001F600w]["x\u00E9y\u20ACz\U0001F600w"][x][""...]["x"...]["x"...]["x"...]["x\u00E9y\u20ACz\U0001F600w"]
[][""][][""][""][""][""][""]
[abc\ndef]["abc\ndef"][abc][""...]["abc"...]["abc"...]["abc\ndef"]["abc\ndef"]
[abcd\nf]["abcd\nf"][abcd][""...]["abc"...]["abcd\nf"]["abcd\nf"]["abcd\nf"]
[hello world]["hello world"][hell][""...]["hel"...]["hell"...]["hello"...]["hello world"]
[a\nb\tc\"d\\e]["a\nb\tc\"d\\e"][a\nb][""...]["a\n"...]["a\nb"...]["a\nb"...]["a\nb\tc\"d\\e"]
[ab\001cdefgh]["ab\001cdefgh"][ab][""...]["ab"...]["ab"...]["ab"...]["ab\001cdefgh"]
[x\u00E9y\u20ACz\U0001F600w]["x\u00E9y\u20ACz\U0001F600w"][x][""...]["x"...]["x"...]["x"...]["x\u00E9y\u20ACz\U0001F600w"]
[][""][][""][""][""][""][""]
[abc\ndef]["abc\ndef"][abc][""...]["abc"...]["abc"...]["abc\ndef"]["abc\ndef"]
[abcd\nf]["abcd\nf"][abcd][""...]["abc"...]["abcd\nf"]["abcd\nf"]["abcd\nf"]
