# strlen counts the bytes of a string.
run: uscript -e 'probe begin { e = ""; printf("%d %d %d %d\n", strlen(e), strlen("hello"), strlen("a\nb"), strlen("\303\251")); exit() }'
--- stdout
0 5 3 2
