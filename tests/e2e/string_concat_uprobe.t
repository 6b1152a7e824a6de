# '.' in a uprobe (BPF): execname() joined to literals.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { s = "<" . execname() . ">"; println(s); exit() }' -c './add 1'
--- stdout
<add>
