# x = x + 1 reads x as a value: x is used, and not printed at the end.
run: uscript -e 'global x; probe begin { x = x + 1; exit() }'
--- stdout
