# One script function with =~ called in a uprobe (BPF) and in the end
# handler (the host): both give the same answers.
run: uscript -e 'global seen[10], n function kind(s) { return s =~ "^[A-Z]+ /" ? 1 : s =~ "[0-9]$" ? 2 : s =~ "b$" ? 3 : 0 } probe process("'$T'/words").function("word") { w = user_string($w); seen[n++] = w; printf("bpf  %d [%s]\n", kind(w), w) } probe end { for (i = 0; i < n; i++) printf("host %d [%s]\n", kind(seen[i]), seen[i]) }' -c "$T/words"
--- stdout
bpf  1 [GET /index.html HTTP/1.1]
bpf  1 [POST /api/items]
bpf  0 [error: disk full]
bpf  2 [warning 42]
bpf  0 []
bpf  3 [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab]
host 1 [GET /index.html HTTP/1.1]
host 1 [POST /api/items]
host 0 [error: disk full]
host 2 [warning 42]
host 0 []
host 3 [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab]
