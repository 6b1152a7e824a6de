# A string on a page the program has not touched yet (a constant in
# .rodata, passed on but never read) is read, as SystemTap reads it: the
# handler waits for the page, as the program's own read would.  Before, the
# read failed there ("user string copy fault").  Also across two pages, in
# a function called from the probe, and with user_string_n; an address on
# a page nothing can bring in (PROT_NONE) still fails, and the default is
# used.
run: cd "$T" && uscript -e 'function grab(p) { return user_string_n(p, 8, "<none>") } probe process("./untouched").function("show") { s = user_string($s, "<unreadable>"); printf("%s|%s|%d\n", s, grab($s), strlen(s)) }' -c ./untouched
--- stdout
a string on a page of its own|a string|29
a string across two pages|a string|25
<unreadable>|<none>|12
