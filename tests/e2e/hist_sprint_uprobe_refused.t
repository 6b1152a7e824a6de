# sprint of a histogram runs in uscript's own probes only: in a process
# probe it is an error at the call.
run: cd "$T" && uscript -p3 -e 'global s; probe process("./add").function("add") { s <<< 1; x = sprint(@hist_log(s)) }' > /dev/null
--- stderr
<input>:1:65: error: sprint of a histogram cannot run in a process probe: use print, or sprint in a begin, end or timer probe
    1 | global s; probe process("./add").function("add") { s <<< 1; x = sprint(@hist_log(s)) }
      |                                                                 ^~~~~~~~~~~~~~~~~~~~
--- status
1
