# Initialized globals start with their value, in BPF and on the host.
run: cd "$T" && uscript -e 'global n = 10, s = "init", h = 0x10; probe process("./add").function("add") { n++; if (n == 11) printf("%s %d\n", s, h) } probe end { printf("%d %s\n", n, s) }' -c './add 3'
--- stdout
init 16
13 init
