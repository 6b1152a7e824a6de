# A width pads on the left with spaces; a value wider than the width is not cut.
run: uscript -e 'probe begin { printf("[%5d][%5d][%2d][%20u][%-4x]\n", 42, -42, 12345, -1, 171); exit() }'
--- stdout
[   42][  -42][12345][18446744073709551615][ab  ]
