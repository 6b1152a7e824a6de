# A printf with many arguments, in BPF.
run: cd "$T" && uscript -e 'probe process("./args").function("six") { printf("%d %d %d %d %d %d %s %d %d %x\n", int_arg(1), uint_arg(2), long_arg(3), long_arg(4), pointer_arg(5) != 0, int_arg(6), execname(), 7, 8, 255) }' -c ./args
--- stdout
-5 4000000000 -1234567890123 -1 1 6 args 7 8 ff
