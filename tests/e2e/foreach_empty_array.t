# foreach over an array with no element runs no iteration.
run: uscript -e 'global a; probe begin { if (0) a[1] = 1; foreach (k in a) println(k); foreach (k+ in a) println(k); println("done"); exit() }'
--- stdout
done
