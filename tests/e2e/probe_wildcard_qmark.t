# '?' in NAME matches one character: "n?gative" is negative(42).
run: cd "$T" && uscript -e 'probe process("./args").function("n?gative") { printf("%d\n", int_arg(1)) }' -c ./args
--- stdout
42
