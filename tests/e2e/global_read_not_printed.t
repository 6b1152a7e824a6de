# A global that is read somewhere is not printed at the end.
run: uscript -e 'global x, y; probe begin { x = 5; y = 6; exit() } probe end { printf("%d\n", x); if (y) println("y") }'
--- stdout
5
y
