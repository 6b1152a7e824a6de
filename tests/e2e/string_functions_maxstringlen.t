# -D MAXSTRINGLEN=8: strings hold 7 bytes, and so do the results of substr,
# sprint, sprintf and text_str, cut silently.
run: uscript -D MAXSTRINGLEN=8 -e 'probe begin { s = "abcdefghij"; n = 123456789; t = "abcdef\n"; printf("%d [%s] [%s] [%s] %d [%s] %d %d\n", strlen(s), substr(s, 2, 100), sprint(n), sprintf("%s-%s", "abcd", "efgh"), strlen(sprint(n)), text_str(t), isinstr(s, "efg"), isinstr(s, "efgh")); exit() }'
--- stdout
7 [cdefg] [1234567] [abcd-ef] 7 [abcdef] 1 0
