# A BPF program cannot sort: a sorted foreach in a process probe is a
# compile error at the loop.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { a[int_arg(1)] = 1; foreach (k+ in a) n++ }' -c './add 2'
--- stderr
<input>:1:71: error: a sorted foreach cannot run in a process probe: BPF programs cannot sort; leave out the sort, or loop in an end or timer probe
    1 | global a; probe process("./add").function("add") { a[int_arg(1)] = 1; foreach (k+ in a) n++ }
      |                                                                       ^~~~~~~~~~~~~~~~~~~~~
--- status
1
