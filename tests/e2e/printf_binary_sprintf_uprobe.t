# sprintf's %b in a process probe has its size fixed when the script is
# compiled: a '*' width or precision is an error at the format.
# (-u: nothing reads x, and elision would leave the call out.)
run: cd "$T" && uscript -u -p3 -e 'probe process("./add").function("add") { x = sprintf("%*b", 2, $a) }' > /dev/null
--- stderr
<input>:1:54: error: sprintf's %b in a process probe takes no '*': its size is fixed when the script is compiled
    1 | probe process("./add").function("add") { x = sprintf("%*b", 2, $a) }
      |                                                      ^~~~~
--- status
1
