# target() is the -c command's pid already in begin, and is 0 without -c or -x.
run: cd "$T" && uscript -e 'global t; probe begin { t = target() } probe process("./add").function("add") { printf("%d\n", t == pid()); exit() }' -c './add 1' && uscript -e 'probe begin { println(target()); exit() }'
--- stdout
1
0
