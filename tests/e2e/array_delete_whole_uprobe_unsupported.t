# delete of a whole array in a process probe is not supported yet: a compile
# error at the statement.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { a[int_arg(1)] = 1; delete a }' -c './add 1'
--- stderr
<input>:1:71: error: deleting a whole array in a process probe is not supported yet; do it in an end or timer probe
    1 | global a; probe process("./add").function("add") { a[int_arg(1)] = 1; delete a }
      |                                                                       ^~~~~~~~
--- status
1
