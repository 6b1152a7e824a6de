# String keys sort with strcmp: byte by byte, so "B" < "a" < "ab" < "b".
run: uscript -e 'global a; probe begin { a["b"] = 1; a["ab"] = 1; a["a"] = 1; a["B"] = 1; a[""] = 1; foreach (k+ in a) printf("[%s]", k); println(""); foreach (k- in a) printf("[%s]", k); println(""); exit() }'
--- stdout
[][B][a][ab][b]
[b][ab][a][B][]
