# raise(sig) sends the signal to the thread the probe interrupted, which
# the -c command's exit then reports; in uscript's own probes there is no
# such thread, a runtime error.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { raise(15) } probe end { println("end") }' -c './add 3'; echo "status $?"; uscript -e 'probe begin { raise(10) }'; echo "status $?"
--- stdout
end
status 1
status 1
--- stderr
WARNING: Child process exited with signal 15 (Terminated)
ERROR: raise() has no traced thread to signal in this probe near <input>:1:15
