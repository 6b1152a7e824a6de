# -v shows the kernel memory the script holds: a line per map with its kind,
# entries, key and value sizes and bytes (the kernel's own figure), the
# programs, and the total.  The ring buffer is BUFSIZE bytes; an array holds
# MAXMAPENTRIES entries.  Bytes depend on the kernel, and key and value sizes
# on the layout uscript chooses: both are masked.
run: cd "$T" && uscript -v -D BUFSIZE=65536 -D MAXMAPENTRIES=100 -e 'global a; probe process("./add").function("add") { a[int_arg(1)]++ }' -c './add 1' 2>&1 >/dev/null | sed -n '/^uscript: kernel memory:$/,/^uscript:   total /p' | sed -E 's/ +/ /g; s/ [0-9]+ [0-9]+ [0-9]+$/ K V N/; s/ [0-9]+$/ N/'
--- stdout
uscript: kernel memory:
uscript: map kind entries key value bytes
uscript: events ringbuf 65536 K V N
uscript: globals array 1 K V N
uscript: scratch percpu_array 1 K V N
uscript: lost percpu_array 1 K V N
uscript: g_a hash 100 K V N
uscript: uscript.rodata array 1 K V N
uscript: programs 1 N
uscript: total N
