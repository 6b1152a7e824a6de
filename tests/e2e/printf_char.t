# %c prints the low byte of the value; width pads it (zero padding does not apply).
run: uscript -e 'probe begin { printf("[%c][%c][%c][%3c][%-3c][%03c]\n", 65, 256 + 66, 10 + 57, 120, 121, 122); exit() }'
--- stdout
[A][B][C][  x][y  ][  z]
