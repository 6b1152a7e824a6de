# sprint of a histogram in a process probe can only be printed (the
# runtime draws it then): kept in a variable, it is an error at the call.
# (-u: nothing reads x, and elision would leave the call out.)
run: cd "$T" && uscript -u -p3 -e 'global s; probe process("./add").function("add") { s <<< 1; x = sprint(@hist_log(s)) }' > /dev/null
--- stderr
<input>:1:65: error: sprint of a histogram in a process probe can only be printed, as an argument of print, println or printf: uscript draws the histogram when it prints it, and a probe cannot keep the text; sprint works as it is in begin, end and timer probes
    1 | global s; probe process("./add").function("add") { s <<< 1; x = sprint(@hist_log(s)) }
      |                                                                 ^~~~~~~~~~~~~~~~~~~~
--- status
1
