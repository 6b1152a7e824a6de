# `delete a` in a timer probe empties an array the begin probe filled.
run: uscript -e 'global a, n; probe begin { a[1] = 1; a[2] = 2 } probe timer.ms(10) { n++; if (n == 1) { delete a; a[5] = 5 } else { foreach (k in a) println(k); exit() } }'
--- stdout
5
