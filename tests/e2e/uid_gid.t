# uid() and gid() are the real ids, in begin (uscript) and in a uprobe (the target).
run: cd "$T" && uscript -e 'probe begin { printf("%d %d\n", uid() == $1, gid() == $2) } probe process("./add").function("add") { printf("%d %d\n", uid() == $1, gid() == $2); exit() }' -c './add 1' "$(id -ru)" "$(id -rg)"
--- stdout
1 1
1 1
