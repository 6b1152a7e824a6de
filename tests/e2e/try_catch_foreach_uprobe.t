# An error in a foreach body in a process probe (a loop the kernel runs as
# a function of its own), raised in a function the body calls, unwinds to
# the try around the loop.
run: cd "$T" && uscript -e 'global a; function g(x) { if (x == 2) error(sprintf("bad key %d", x)); return x } probe process("./add").function("add") { a[$a] = $a; if ($a == 3) try { n = 0; foreach (k in a) n += g(k) } catch (m) { println("caught: ", m) } }' -c './add 4'
--- stdout
caught: bad key 2
