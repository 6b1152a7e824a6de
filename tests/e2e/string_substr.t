# substr(s, start, length) as tapset/string.stp computes it: "" unless
# 0 <= start < strlen(s); at most length bytes; a length of 0 or below is "".
run: uscript -e 'probe begin { s = "hello"; printf("[%s][%s][%s][%s][%s][%s][%s][%s][%s]\n", substr(s, 1, 3), substr(s, 0, 5), substr(s, 2, 100), substr(s, -1, 2), substr(s, 5, 1), substr(s, 4, 1), substr(s, 1, 0), substr(s, 1, -3), substr("", 0, 1)); exit() }'
--- stdout
[ell][hello][llo][][][o][][][]
