# %b writes a long's low bytes as they are in memory, SystemTap's binary
# write: 8 by default, 1, 2, 4 or 8 from the precision or else the width,
# padded with NUL bytes to the width (on the right with '-'); in a begin
# probe, and in a process probe, whose printf the runtime formats too.
run: cd "$T" && uscript -e 'probe begin { printf("%b|%1b|%2b|%4b|%.2b|%-4.1b|%3b|%10b\n", 0x4142434445464748, 65, 0x4243, 0x44434241, 0x4645, 0x47, 0x4a494847, 0x31); printf("%s\n", sprintf("%4b", 0x44434241)) } probe process("./add").function("add") { printf("%1b%2b", $a + 48, 0x0a41) }' -c './add 2' | od -An -c -w8
--- stdout
   H   G   F   E   D   C   B   A
   |   A   |   C   B   |   A   B
   C   D   |   E   F   |   G  \0
  \0  \0   |   G   H   I   J  \0
  \0  \0  \0   |  \0  \0   1  \0
  \0  \0  \0  \0  \0  \0  \n   A
   B   C   D  \n   0   A  \n   1
   A  \n
