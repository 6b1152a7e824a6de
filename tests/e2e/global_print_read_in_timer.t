# An array read only in a probe that never fires is still read: not printed.
run: uscript -e 'global a, b; probe begin { a[1] = 1; b[1] = 2; exit() } probe timer.s(1000) { println(a[1]) }'
--- stdout
b[1]=2
