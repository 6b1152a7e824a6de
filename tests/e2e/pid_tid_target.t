# In a uprobe of the -c command, pid() is target() and, single-threaded, tid() is pid().
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printf("%d %d %d\n", pid() == target(), tid() == pid(), target() > 0) }' -c './add 2'
--- stdout
1 1 1
1 1 1
