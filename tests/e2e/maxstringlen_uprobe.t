# MAXSTRINGLEN in BPF: a concatenation in a uprobe is cut to MAXSTRINGLEN - 1 bytes.
run: cd "$T" && uscript -D MAXSTRINGLEN=6 -e 'probe process("./add").function("add") { s = execname() . "-" . execname(); println(s); exit() }' -c './add 1'
--- stdout
add-a
