# A function's locals and parameters are its own: the caller's x is untouched.
run: uscript -e 'function f(x) { x = x * 10; y = x + 1; return y } probe begin { x = 4; y = 7; printf("%d %d %d\n", f(x), x, y); exit() }'
--- stdout
41 4 7
