# String comparison in BPF: execname() against literals.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printf("%d %d %d\n", execname() == "add", execname() < "adz", execname() != "add"); exit() }' -c './add 1'
--- stdout
1 1 0
