# begin runs in uscript itself, which starts the -c command: the command's ppid() is
# the pid() begin saw, and target() is not uscript.
run: cd "$T" && uscript -e 'global me; probe begin { me = pid() } probe process("./add").function("add") { printf("%d %d\n", ppid() == me, target() != me); exit() }' -c './add 2'
--- stdout
1 1
