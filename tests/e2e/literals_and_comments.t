# Decimal, hex and octal literals; # // and /* */ comments; statements with or without ';'.
run: uscript -e $'# hash comment\nprobe begin { // line comment\n  x = 0x1F + 017 /* block\n comment */ + 10\n  y = 0XfF; z = 00\n  printf("%d %d %d\\n", x, y, z); exit()\n}'
--- stdout
56 255 0
