# An ordinary user (nobody, with no capabilities) who runs a script with
# probes hears what tracing needs, and gets status 1; nothing is run.  The
# user runs copies of uscript and of the target that nobody may read
# wherever the build tree is.
run: d=$(mktemp -d); chmod 755 $d; cp "$(readlink -f "${USCRIPT_REAL:-$(command -v uscript)}")" "$T/add" $d; cd $d && setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all ./uscript -e 'probe process("./add").function("add") { println("hit") }' -c ./add; s=$?; rm -r $d; exit $s
--- stderr
uscript: tracing needs root, or the CAP_BPF and CAP_PERFMON capabilities: this process lacks CAP_BPF and CAP_PERFMON
--- status
1
