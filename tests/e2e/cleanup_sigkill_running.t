# SIGKILL of uscript while the -c command runs on: within a second no link
# of uscript's is left, and the command runs its own code again where it
# was probed; programs and maps follow.  Here with return probes on main()
# and on a function the command calls every 10 ms, and an entry probe, in
# three uprobe_multi links: the kernel waits for pending return probes when
# it releases a link, so links released one after another by the dying
# uscript would wait on one another for as long as the command ran.  (A
# kernel without uprobe_multi links waits for no return probe.)  The
# command is left running, and the test stops it.  What is uscript's is
# what its file descriptors hold.
# alone: it measures how long the kernel takes, which other tests' probes
# can hold up
run: uscript -e 'probe process("'$T'/ticker").function("tick").return { } probe process("'$T'/ticker").function("main").return { } probe process("'$T'/ticker").function("tick") { }' -c "$T/ticker 0" & pid=$!; for i in $(seq 100); do tick=$(pgrep -P $pid -x ticker) && break; sleep 0.1; done; sleep 0.3; h=$("$D/leftovers.sh" held $pid); { kill -9 $pid; "$D/leftovers.sh" check $h; "$D/leftovers.sh" code $tick "$T/ticker" main tick; kill $tick; wait $pid; echo "status $?"; } 2>/dev/null
--- stdout
no leftovers
own code
status 137
