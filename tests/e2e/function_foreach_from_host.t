# A function with a foreach and a delete of a whole array, called only from
# begin: it is compiled for the host alone, so it may do what process probes
# cannot yet.
run: uscript -e 'global a; function show() { foreach (k in a) println(k) } function clear() { delete a } probe begin { a[1] = 1; a[2] = 2; show(); clear(); show(); exit() }'
--- stdout
1
2
