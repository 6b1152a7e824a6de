# Without the capabilities BPF needs (here: root with every capability
# dropped), a script with probes stops at once with one sentence saying
# what is needed, and status 1.
run: cd "$T" && setpriv --bounding-set=-all --inh-caps=-all uscript -e 'probe process("./add").function("add") { }' -c ./add
--- stderr
uscript: tracing needs root, or the CAP_BPF and CAP_PERFMON capabilities: this process lacks CAP_BPF and CAP_PERFMON
--- status
1
