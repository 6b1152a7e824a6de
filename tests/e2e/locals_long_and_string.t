# Long and string locals, assigned and reassigned; the type comes from the first use.
run: uscript -e 'probe begin { n = 40; s = "forty"; n = n + 2; s = s . "-two"; printf("%d %s\n", n, s); exit() }'
--- stdout
42 forty-two
