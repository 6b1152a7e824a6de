# Arguments of every width on a non-PIE build (offsets from the PT_LOAD segment).
run: cd "$T" && uscript -e 'probe process("./args_nopie").function("six") { printf("%d %u %d %d %d\n", int_arg(1), uint_arg(2), long_arg(3), long_arg(4), int_arg(6)) }' -c ./args_nopie
--- stdout
-5 4000000000 -1234567890123 -1 6
