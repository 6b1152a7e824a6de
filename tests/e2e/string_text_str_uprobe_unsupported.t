# text_str in a process probe is not supported yet: a compile error at the call.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { println(text_str(execname())) }' -c './add 1'
--- stderr
<input>:1:50: error: text_str() cannot run in a process probe yet
    1 | probe process("./add").function("add") { println(text_str(execname())) }
      |                                                  ^~~~~~~~~~~~~~~~~~~~
--- status
1
