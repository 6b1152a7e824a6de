# Strings and numbers mixed in one format, and a format with no conversion.
run: uscript -e 'probe begin { printf("%s=%d, %s=%x\n", "a", 1, "b", 255); printf("plain\n"); exit() }'
--- stdout
a=1, b=ff
plain
