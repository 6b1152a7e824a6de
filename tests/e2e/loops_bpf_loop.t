# A loop whose end depends on what the probe reads runs under a MAXACTION
# of a million: each turn is a call of bpf_loop, which the verifier checks
# once; the string functions of the library that loop over bytes (strpos,
# str_replace, tokenize) run in a process probe as in begin.
run: cd "$T" && uscript -D MAXACTION=1000000 -e 'global total probe process("./add").function("add") { n = 0; while (n < int_arg(1) * 1000) n++; total += n }' -c "./add 4"; uscript -e 'probe process("./words").function("word") { w = user_string($w); printf("%s|%d|%d|", str_replace(w, "a", "<A>"), strpos(w, " "), strpos(w, "")); while ((t = tokenize(w, " /")) != "") { printf("[%s]", t); w = "" } println() }' -c './words x/y'
--- stdout
total=6000
GET /index.html HTTP/1.1|3|0|[GET][index.html][HTTP][1.1]
POST /<A>pi/items|4|0|[POST][api][items]
error: disk full|6|0|[error:][disk][full]
w<A>rning 42|7|0|[warning][42]
|-1|0|
<A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><A><|-1|0|[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab]
x/y|-1|0|[x][y]
