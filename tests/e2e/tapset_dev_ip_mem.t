# dev.stp, ip.stp and proc_mem.stp in a process probe and in a begin
# probe, the same: MAJOR/MINOR of a kernel device number (12 bits above
# 20), MKDEV, usrdev2kerndev of stat's layout (0x811 is 8:17; 0x01234567
# is major 0x345, minor 0x1267); ip_ntop of an address as the kernel holds
# it (first byte lowest), format_ipaddr of AF_INET and of an unknown
# family; mem_page_size() (4096 on x86-64) and pages_to_string.
run: cd "$T" && uscript -e 'function show() { d = MKDEV(8, 17); printf("%d %d %d %#x\n", d, MAJOR(d), MINOR(d), d); k = usrdev2kerndev(0x811); printf("%d:%d\n", MAJOR(k), MINOR(k)); k = usrdev2kerndev(0x1234567); printf("%#x %#x %#x\n", k, MAJOR(k), MINOR(k)); printf("%s %s %s %s\n", ip_ntop(0x0100007f), ip_ntop(0xffffffff), format_ipaddr(0x0101a8c0, 2), format_ipaddr(1, 99)); printf("%d [%s] [%s]\n", mem_page_size(), pages_to_string(4), pages_to_string(300000)) } probe begin { show() } probe process("./add").function("add") { show() }' -c './add 1'
--- stdout
8388625 8 17 0x800011
8:17
0x34501267 0x345 0x1267
127.0.0.1 255.255.255.255 192.168.1.1 *unknown address family*
4096 [16.0K] [1.14G]
8388625 8 17 0x800011
8:17
0x34501267 0x345 0x1267
127.0.0.1 255.255.255.255 192.168.1.1 *unknown address family*
4096 [16.0K] [1.14G]
