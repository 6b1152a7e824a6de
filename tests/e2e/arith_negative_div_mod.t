# '/' truncates toward zero and '%' takes the sign of the dividend, as in C.
run: uscript -e 'probe begin { a = -7; b = 2; printf("%d %d %d %d %d %d\n", a / b, a % b, 7 / -b, 7 % -b, a / -b, a % -b); exit() }'
--- stdout
-3 -1 -3 1 3 -1
