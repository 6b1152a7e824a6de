# =~ and !~ in a uprobe handler, in BPF: anchors, alternation, groups,
# intervals, brackets with classes, on strings read from the target.
run: uscript -e 'probe process("'$T'/words").function("word") { w = user_string($w); printf("[%s] %d %d %d %d %d\n", w, w =~ "^(GET|POST) /[a-z/.]*", w =~ "[[:digit:]]+$", w !~ "error|warning", w =~ "a{20}b$", w =~ "^$") }' -c "$T/words 123 abc"
--- stdout
[GET /index.html HTTP/1.1] 1 1 1 0 0
[POST /api/items] 1 0 1 0 0
[error: disk full] 0 0 0 0 0
[warning 42] 0 1 0 0 0
[] 0 0 1 0 1
[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab] 0 0 1 1 0
[123] 0 1 1 0 0
[abc] 0 0 1 0 0
