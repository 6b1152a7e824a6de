# SIGINT still stops uscript normally when it was started in the background of a
# non-interactive shell, which starts background commands with SIGINT ignored.
# alone: the signal comes after a fixed half second, by which uscript must
# be running
run: uscript -e 'probe begin { println("begin") } probe end { println("end") }' & p=$!; sleep 0.5; kill -INT $p; sleep 0.5; kill -0 $p 2>/dev/null && { echo "still running"; kill -TERM $p; }; wait $p; echo "status $?"
--- stdout
begin
end
status 0
