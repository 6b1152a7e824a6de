# endian.stp and inet.stp, the same in a begin probe and in a process
# probe: htons/htonl/htonll swap the low 2, 4 or 8 bytes on this
# little-endian machine (unsigned for 2 and 4: htonl(-1) is 0xffffffff),
# ntohl undoes htonl; big_endian2/4/8 are the same, little_endian2/4/8
# keep the low bytes as they are.
run: cd "$T" && uscript -e 'function show() { printf("%#x %#x %#x %#x %#x %#x %#x\n", htons(0x1234), htonl(0x12345678), htonll(0x0102030405060708), ntohl(htonl(0xdeadbeef)), htonl(-1), htonll(-2), ntohs(0x3412)); printf("%#x %#x %#x %#x %#x %#x\n", big_endian2(0xabcd1234), big_endian4(0x1122334455), big_endian8(0x1122334455667788), little_endian2(0xabcd1234), little_endian4(0x1122334455), little_endian8(-1)) } probe begin { show() } probe process("./add").function("add") { show() }' -c './add 1'
--- stdout
0x3412 0x78563412 0x807060504030201 0xdeadbeef 0xffffffff 0xfeffffffffffffff 0x1234
0x3412 0x55443322 0x8877665544332211 0x1234 0x22334455 0xffffffffffffffff
0x3412 0x78563412 0x807060504030201 0xdeadbeef 0xffffffff 0xfeffffffffffffff 0x1234
0x3412 0x55443322 0x8877665544332211 0x1234 0x22334455 0xffffffffffffffff
