# An attach that fails part way (here, out of file descriptors with a
# perf-event link per point) is an error, and what was attached and loaded
# before it is released.
# alone: leftovers.sh takes any BPF object loaded meanwhile for this case's
run: m=$("$D/leftovers.sh" mark); (ulimit -n 25; USCRIPT_NO_UPROBE_MULTI=1 uscript -e 'probe process("'$T'/cxx_names").function("*") { }' -c "$T/cxx_names" 2>&1 | grep -c 'cannot attach .*: Too many open files'; echo "status ${PIPESTATUS[0]}"); "$D/leftovers.sh" check $m
--- stdout
1
status 1
no leftovers
