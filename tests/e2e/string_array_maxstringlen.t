# -D MAXSTRINGLEN=8 cuts array keys and values too: two keys equal in their
# first 7 bytes name one element, and .= stops at 7 bytes.
run: uscript -D MAXSTRINGLEN=8 -e 'global a, s; probe begin { a["abcdefghij"] = 1; a["abcdefgXYZ"] += 1; s[1] = "abcde"; s[1] .= "fghij"; foreach (k in a) printf("%s=%d\n", k, a[k]); println(s[1]); exit() }'
--- stdout
abcdefg=2
abcdefg
