# sprint of a histogram runs in uscript's own probes only: in a process
# probe it is an error at the call.
# -u: nothing reads x, and elision would leave the call out before it is
# refused.
run: cd "$T" && uscript -u -p3 -e 'global s; probe process("./add").function("add") { s <<< 1; x = sprint(@hist_log(s)) }' > /dev/null
--- stderr
<input>:1:65: error: sprint of a histogram cannot run in a process probe: use print, or sprint in a begin, end or timer probe
    1 | global s; probe process("./add").function("add") { s <<< 1; x = sprint(@hist_log(s)) }
      |                                                                 ^~~~~~~~~~~~~~~~~~~~
--- status
1
