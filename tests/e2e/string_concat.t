# '.' concatenates strings and '.=' appends.
run: uscript -e 'probe begin { a = "foo"; b = a . "bar" . a; b .= "!"; c = ""; c .= ""; printf("%s|%s|%d\n", b, c . a, 1); exit() }'
--- stdout
foobarfoo!|foo|1
