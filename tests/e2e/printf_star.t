# '*' takes the width or the precision from the arguments.
run: uscript -e 'probe begin { printf("[%*d][%-*d][%.*s][%*.*s][%0*d]\n", 5, 42, 4, 7, 2, "hello", 6, 3, "hello", 4, 9); exit() }'
--- stdout
[   42][7   ][he][   hel][0009]
