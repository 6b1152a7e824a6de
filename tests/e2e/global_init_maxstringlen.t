# A string global's initializer is cut to MAXSTRINGLEN - 1 bytes like any string.
run: uscript -D MAXSTRINGLEN=4 -e 'global s = "abcdef"; probe begin { println(s); exit() }'
--- stdout
abc
