# foreach in a process probe is not supported yet: a compile error at the loop.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { a[1] = 1; foreach (k in a) println(k) }' -c './add 1'
--- stderr
<input>:1:62: error: foreach cannot run in a process probe yet: BPF programs cannot sort; use it in begin, end, error or timer probes
    1 | global a; probe process("./add").function("add") { a[1] = 1; foreach (k in a) println(k) }
      |                                                              ^~~~~~~~~~~~~~~~~~~~~~~~~~~
--- status
1
