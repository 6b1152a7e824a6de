# sprintf inside a function that a process probe calls, and its result kept
# in a global and used as an array key.
run: cd "$T" && uscript -e 'global last, seen; function f(n) { return sprintf("<%d:%s>", n, n % 2 ? "odd" : "even") } probe process("./add").function("add") { last = f(int_arg(1)); seen[last]++ } probe end { println(last); foreach (k+ in seen) printf("%s %d\n", k, seen[k]) }' -c './add 3'
--- stdout
<2:even>
<0:even> 1
<1:odd> 1
<2:even> 1
