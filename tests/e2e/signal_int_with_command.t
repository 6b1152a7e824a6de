# SIGINT to uscript while a -c command runs: uscript stops, runs end, and
# exits 0; the command, which got no signal, is left running.
# alone: the signal comes after a fixed half second, by which uscript must
# be running
run: cd "$T" && { uscript -e 'global n; probe process("./ticker").function("tick") { n++ } probe end { printf("ticks %d\n", n > 0) }' -c './ticker 0' & u=$!; } && sleep 0.5 && c=$(pgrep -x ticker -P $u) && kill -INT $u && wait $u; echo "status $?"; kill $c
--- stdout
ticks 1
status 0
