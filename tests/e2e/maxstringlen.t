# -D MAXSTRINGLEN=8: strings hold at most 7 bytes, silently cut, when stored or built.
run: uscript -D MAXSTRINGLEN=8 -e 'global g; probe begin { s = "abcdefghijkl"; t = "abcd" . "efghij"; g = s . s; printf("%s %s %s %d\n", s, t, g, s == "abcdefg"); exit() }'
--- stdout
abcdefg abcdefg abcdefg 1
