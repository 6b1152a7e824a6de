# Each flag alone: '-' left-justifies, '0' pads with zeros, '+' and ' ' sign %d, '#'
# prefixes 0x, 0X or 0.
run: uscript -e 'probe begin { printf("[%-5d][%05d][%05d][%+d][%+d][% d][% d][%#x][%#X][%#o][%#o]\n", 42, 42, -42, 7, -7, 7, -7, 255, 255, 8, 0); exit() }'
--- stdout
[42   ][00042][-0042][+7][-7][ 7][-7][0xff][0XFF][010][00]
