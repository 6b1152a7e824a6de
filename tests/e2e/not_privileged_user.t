# An ordinary user (nobody, with no capabilities) who runs a script with
# probes hears what tracing needs, and gets status 1; nothing is run.
run: cd "$T" && setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all uscript -e 'probe process("./add").function("add") { println("hit") }' -c ./add
--- stderr
uscript: tracing needs root, or the CAP_BPF and CAP_PERFMON capabilities
--- status
1
