# sprintf inside a function that a process probe calls: reported at the
# sprintf, as in the probe itself.
run: cd "$T" && uscript -e 'function f(n) { return sprintf("<%d>", n) } probe process("./add").function("add") { println(f(int_arg(1))) }' -c './add 2'
--- stderr
<input>:1:24: error: sprintf() cannot run in a process probe yet; format in an end or timer probe, or use printf
    1 | function f(n) { return sprintf("<%d>", n) } probe process("./add").function("add") { println(f(int_arg(1))) }
      |                        ^~~~~~~~~~~~~~~~~~
--- status
1
