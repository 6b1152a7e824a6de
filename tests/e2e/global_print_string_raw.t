# An unread string global is printed between quotes as it is (SystemTap's %#s does
# not escape): an embedded quote and a tab stay as they are.
run: uscript -e 'global s; probe begin { s = "a\"b\tc"; exit() }'
--- stdout
s="a"b	c"
