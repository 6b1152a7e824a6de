# The tapset's readers of target memory over the builtins: integers of each
# width, signed and not, from a long 0xf1f2f3f4f5f6f7f8; user_string2 and
# user_string_n2 with their default where the address cannot be read.
run: cd "$T" && uscript -e 'probe process("./args").function("through") { p = pointer_arg(1); printf("%x %x %x %x\n", user_uint32(p), user_uint16(p), user_uint8(p), user_ushort(p)); printf("%d %d %d %d %d %d\n", user_int32(p), user_int16(p), user_int8(p), user_int64(p) == user_long(p), user_uint64(p) == user_ulong(p), user_ulong(p) == user_long(p)) } probe process("./args").function("six") { println(user_string2(pointer_arg(5), "bad"), " ", user_string2(0, "bad"), " ", user_string_n2(pointer_arg(5), 2, "bad"), " ", user_string_n2(1, 2, "none")) }' -c ./args
--- stdout
text bad te none
f5f6f7f8 f7f8 f8 f7f8
-168364040 -2056 -8 1 1 1
