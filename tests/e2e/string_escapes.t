# C escapes in string literals: \t \\ \" \n, octal and hex.
run: uscript -e 'probe begin { printf("a\tb\\c\"d\101\x42\n"); s = "x\ty"; println(s); exit() }' | od -An -c | tr -s ' '
--- stdout
 a \t b \ c " d A B \n x \t y \n
