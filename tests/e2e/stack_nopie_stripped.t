# Stacks in a non-PIE program name the same functions at fixed addresses;
# in a stripped one, where there are no names, the frames are offsets
# into the file, with the file's size in memory.  The programs run from a
# short directory: SystemTap's way of showing a path of 61 bytes or more
# ("..." and its tail) would hide where the build tree is.
run: d=$(mktemp -d); cp "$T/stacks" "$T/stacks_nopie" "$T/stacks_stripped" $d; T=$d; cd "$T" && a=$(objdump -d --no-show-raw-insn stacks | awk '/<inner>:/{sub(":","",$1); print $1; exit}' | sed 's/^0*//') && uscript -e 'probe process("./stacks_nopie").function("inner") { print_ubacktrace(); exit() }' -c './stacks_nopie 3' | head -2 | sed "s|$T|T|" && uscript -e "probe process(\"./stacks_stripped\").statement(0x$a) { print_ubacktrace(); exit() }" -c './stacks_stripped 3' | head -2 | sed -E -e "s|$T|T|" -e 's/^ 0x[0-9a-f]+ / ADDR /'; rm -r $d
--- stdout
 0x401161 : inner+0x0/0x1c [T/stacks_nopie]
 0x401192 : middle+0x15/0x1a [T/stacks_nopie]
 ADDR [T/stacks_stripped+0x1174/0x5000]
 ADDR [T/stacks_stripped+0x11aa/0x5000]
