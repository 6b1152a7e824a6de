# A global read in a condition is used, so it is not printed; one only incremented is.
run: uscript -e 'global a, b; probe begin { a++; b++; if (b > 0) exit() }'
--- stdout
a=1
