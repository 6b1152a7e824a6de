# foreach with a value variable over an array of strings, two keys.
run: uscript -e 'global a; probe begin { a["x", 1] = "one"; a["y", 2] = "two"; foreach (v = [s, n] in a) printf("%s %d %s\n", s, n, v); exit() }'
--- stdout
x 1 one
y 2 two
