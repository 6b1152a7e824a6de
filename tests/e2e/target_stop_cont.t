# A -c command stopped (SIGSTOP) and continued (SIGCONT) from outside:
# uscript waits while it is stopped, and sees every one of its 50 ticks.
# alone: the command is stopped for a fixed half second, and its state read
# meanwhile
run: cd "$T" && { uscript -e 'global n; probe process.function("tick") { n++ } probe end { printf("ticks %d\n", n) }' -c './ticker 300' & u=$!; until c=$(pgrep -n -x ticker -P $u); do sleep 0.05; done; sleep 0.2; kill -STOP $c; sleep 0.5; ps -o stat= -p $c | cut -c1; kill -0 $u && echo "uscript still running"; kill -CONT $c; wait $u; echo "status $?"; }
--- stdout
T
uscript still running
ticks 300
status 0
