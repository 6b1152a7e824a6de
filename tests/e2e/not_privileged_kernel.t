# A kernel-side probe without the capabilities it needs names itself and
# the capabilities missing; with CAP_PERFMON kept, CAP_BPF alone is named.
run: cd "$T" && setpriv --bounding-set=-all --inh-caps=-all uscript -e 'probe kernel.trace("sched_switch") { }' -c ./add; echo "status $?"; setpriv --inh-caps=-all,+perfmon --ambient-caps=-all,+perfmon --bounding-set=-all,+perfmon --reuid=nobody --regid=nogroup --clear-groups "$(readlink -f "$(command -v uscript)")" -e 'probe timer.profile { }' 2>&1 | sed 's/^uscript: //'; echo "status $?"
--- stdout
status 1
timer.profile needs root, or the CAP_BPF and CAP_PERFMON capabilities: this process lacks CAP_BPF
status 0
--- stderr
uscript: kernel.trace("sched_switch") needs root, or the CAP_BPF and CAP_PERFMON capabilities: this process lacks CAP_BPF and CAP_PERFMON
