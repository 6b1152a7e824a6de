# registers.stp on six(-5, 4000000000u, -1234567890123L, ULONG_MAX, text,
# 6): s32_arg and u32_arg read an int signed or not, s64_arg, u64_arg,
# longlong_arg and ulonglong_arg all 64 bits; asmlinkage() and fastcall()
# change nothing, arch_bytes() is 8, and regparm(n) outside 0..6 is
# SystemTap's runtime error.
run: cd "$T" && uscript -e 'probe process("./args").function("six") { asmlinkage(); fastcall(); regparm(6); printf("%d %d %d %d\n", s32_arg(1), u32_arg(1), s32_arg(2), u32_arg(2)); printf("%d %d %d %d %d\n", s64_arg(3), u64_arg(4), longlong_arg(3), ulonglong_arg(4), arch_bytes()); regparm(7) }' -c ./args
--- stdout
-5 4294967291 -294967296 4000000000
-1234567890123 -1 -1234567890123 -1 8
--- stderr
ERROR: For x86_64, regparm value must be in the range 0-6. near tapset/registers.stp:27:3 (in regparm())
--- status
1
