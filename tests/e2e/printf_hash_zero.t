# With '#', SystemTap prefixes 0 too, and puts the prefix before the precision zeros.
run: uscript -e 'probe begin { printf("[%#x][%#X][%#o][%#.3x][%#.3o][%#8x]\n", 0, 0, 0, 10, 8, 255); exit() }'
--- stdout
[0x0][0X0][00][0x00a][0010][    0xff]
