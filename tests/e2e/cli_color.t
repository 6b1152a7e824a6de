# --color=always colours a diagnostic as SystemTap does (error in bold red,
# the source line in blue, the span in bold, the caret bold), and the
# runtime's ERROR: line too; SYSTEMTAP_COLORS changes a colour; auto (the
# default) colours only a terminal, never a pipe; NO_COLOR is for auto, and
# --color=always overrides it; a bad WHEN is a usage error.
run: uscript --color=always -e 'probe begin { foo() }' 2>&1 | head -1 | sed 's/\x1b/ESC/g'; SYSTEMTAP_COLORS='error=01;35' uscript --color -e 'probe begin { foo() }' 2>&1 | head -1 | sed 's/\x1b/ESC/g'; uscript -e 'probe begin { foo() }' 2>&1 | head -1 | sed 's/\x1b/ESC/g'; NO_COLOR=1 uscript --color=always -e 'probe begin { error("boom") }' 2>&1 | sed 's/\x1b/ESC/g'; uscript --color=sometimes -e 'probe begin {}'; echo "status $?"
--- stdout
<input>:1:15: ESC[01;31mESC[Kerror:ESC[mESC[K unknown function 'foo'
<input>:1:15: ESC[01;35mESC[Kerror:ESC[mESC[K unknown function 'foo'
<input>:1:15: error: unknown function 'foo'
ESC[01;31mESC[KERROR:ESC[mESC[K boom near <input>:1:15
status 2
--- stderr
uscript: --color takes auto, always or never, not 'sometimes'
Try 'uscript -h' for more information.
