# A script function with long parameters, called from begin and from end.
run: uscript -e 'function add(a, b) { return a + b } probe begin { println(add(2, 3)); exit() } probe end { println(add(-1, add(10, 20))) }'
--- stdout
5
29
