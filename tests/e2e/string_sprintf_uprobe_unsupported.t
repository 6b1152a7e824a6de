# sprintf in a process probe is not supported yet: a compile error at the call.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { s = sprintf("%d", int_arg(1)); println(s) }' -c './add 1'
--- stderr
<input>:1:46: error: sprintf() cannot run in a process probe yet; format in an end or timer probe, or use printf
    1 | probe process("./add").function("add") { s = sprintf("%d", int_arg(1)); println(s) }
      |                                              ^~~~~~~~~~~~~~~~~~~~~~~~~
--- status
1
