# Even SIGKILL of uscript itself leaves nothing behind: its programs, maps
# and links live only as long as its file descriptors.
# alone: leftovers.sh takes any BPF object loaded meanwhile for this case's,
# and pkill -f stops every ticker with the same command line
run: m=$("$D/leftovers.sh" mark); uscript -e 'probe process("'$T'/ticker").function("tick") { }' -c "$T/ticker 0" & pid=$!; sleep 0.5; kill -9 $pid; wait $pid 2>/dev/null; echo "status $?"; pkill -f "$T/ticker 0"; "$D/leftovers.sh" check $m
--- stdout
status 137
no leftovers
