# execname() in a uprobe is the traced command's name.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { println(execname()); exit() }' -c './add 1'
--- stdout
add
