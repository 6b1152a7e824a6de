# sprintf's %b runs in uscript's own probes only: in a process probe the
# string would be cut at the first NUL byte of the value.  (-u: nothing
# reads x, and elision would leave the call out before it is refused.)
run: cd "$T" && uscript -u -p3 -e 'probe process("./add").function("add") { x = sprintf("%b", $a) }' > /dev/null
--- stderr
<input>:1:54: error: sprintf's %b cannot run in a process probe: use printf, or sprintf in a begin, end or timer probe
    1 | probe process("./add").function("add") { x = sprintf("%b", $a) }
      |                                                      ^~~~
--- status
1
