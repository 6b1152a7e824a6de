# sprintf's %b runs in uscript's own probes only: in a process probe the
# string would be cut at the first NUL byte of the value.
run: cd "$T" && uscript -p3 -e 'probe process("./add").function("add") { x = sprintf("%b", $a) }' > /dev/null
--- stderr
<input>:1:54: error: sprintf's %b cannot run in a process probe: use printf, or sprintf in a begin, end or timer probe
    1 | probe process("./add").function("add") { x = sprintf("%b", $a) }
      |                                                      ^~~~
--- status
1
