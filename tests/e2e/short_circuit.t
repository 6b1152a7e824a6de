# && and || do not evaluate their right side when the left decides.
run: uscript -e 'function f(x) { printf("f(%d);", x); return x } probe begin { a = 0 && f(1); b = 1 || f(2); c = 1 && f(3); d = 0 || f(0); printf("\n%d %d %d %d\n", a, b, c, d); exit() }'
--- stdout
f(3);f(0);
0 1 1 0
