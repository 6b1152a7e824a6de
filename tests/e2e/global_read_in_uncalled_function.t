# Likewise a read in a function nothing calls does not count: the global is printed.
run: uscript -e 'global c; function never() { return c } probe begin { c = 1; exit() }' 2>/dev/null
--- stdout
c=1
