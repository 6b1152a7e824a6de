# A path under /proc/PID/root/ reaches into the files of a process in
# another mount namespace (a container), following its links inside it:
# here the program exists only there, behind an absolute link, and the
# same path in uscript's own namespace names nothing.
# alone: uscript must find the program the container started 0.3 s before
run: d=$(mktemp -d); unshare -m --propagation private sh -c "mount -t tmpfs none $d && cp $T/ticker $d/prog && ln -s $d/prog $d/abs && exec $d/prog 0" & pid=$!; sleep 0.3; uscript -e 'probe process("/proc/'$pid'/root'$d'/abs").function("tick") { printf("%s %s\n", ppfunc(), pid() == '$pid' ? "in the container" : "elsewhere"); exit() }'; uscript -p2 -e 'probe process("'$d'/abs").function("tick") { }' 2>&1 | head -1 | sed "s|$d|D|g"; kill $pid; wait $pid 2>/dev/null; rmdir $d
--- stdout
tick in the container
<input>:1:7: error: probe point process("D/abs").function("tick") does not resolve: no such file
