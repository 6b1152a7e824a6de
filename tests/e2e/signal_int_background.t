# SIGINT reaches uscript also when it was started in the background of a script
# (where the shell sets SIGINT to ignored, as SystemTap's stapio resets it).
run: uscript -e 'probe begin { println("begin") } probe end { println("end") }' & p=$!; sleep 0.5; kill -INT $p; sleep 0.5; kill -0 $p 2>/dev/null && { echo "still running"; kill -TERM $p; }; wait $p; echo "status $?"
--- stdout
begin
end
status 0
