# Twenty patterns, some of a thousand states (a.{9}$) or many columns, on
# eleven strings, in BPF and on the host: the same bits, which are glibc's
# regexec's (checked when the case was written).
run: cd "$T" && uscript "$D/regex_battery.up" -c './words xaxxxxxxxxx babb] xxyx abc Aa1!'
--- stdout
bpf  [GET /index.html HTTP/1.1] 01111000011000000000
bpf  [POST /api/items] 01110000011000000000
bpf  [error: disk full] 00000000011010000100
bpf  [warning 42] 00000000000001100100
bpf  [] 00000110000000000000
bpf  [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab] 10000000000000011100
bpf  [xaxxxxxxxxx] 10000000100000000100
bpf  [babb]] 00000010011100000010
bpf  [xxyx] 00000010100000000100
bpf  [abc] 00000011000000000100
bpf  [Aa1!] 00000010011000000000
host [GET /index.html HTTP/1.1] 01111000011000000000
host [POST /api/items] 01110000011000000000
host [error: disk full] 00000000011010000100
host [warning 42] 00000000000001100100
host [] 00000110000000000000
host [aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab] 10000000000000011100
host [xaxxxxxxxxx] 10000000100000000100
host [babb]] 00000010011100000010
host [xxyx] 00000010100000000100
host [abc] 00000011000000000100
host [Aa1!] 00000010011000000000
