# six(-5, 4000000000u, ...): int_arg sign-extends the low 32 bits, uint_arg does not.
run: cd "$T" && uscript -e 'probe process("./args").function("six") { printf("%d %d %d %d %d\n", int_arg(1), uint_arg(1), int_arg(2), uint_arg(2), int_arg(6)) }' -c ./args
--- stdout
-5 4294967291 -294967296 4000000000 6
