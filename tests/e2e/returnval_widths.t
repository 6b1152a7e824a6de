# returnval() is the whole return register, as SystemTap reads it: six() returns a
# long, negative(42) an int whose upper 32 bits are zero in rax (4294967254 is -42 as
# an unsigned 32-bit value), big_unsigned() 4000000000.  Checked with bpftrace's retval.
run: cd "$T" && uscript -e 'probe process("./args").function("six").return { printf("six %d\n", returnval()) } probe process("./args").function("negative").return { printf("negative %d\n", returnval()) } probe process("./args").function("big_unsigned").return { printf("big_unsigned %d\n", returnval()) }' -c ./args
--- stdout
six -1230567890122
negative 4294967254
big_unsigned 4000000000
