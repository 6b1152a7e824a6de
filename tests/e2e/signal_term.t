# SIGTERM stops uscript normally too: end runs, status 0.
# alone: the signal comes after a fixed half second, by which uscript must
# be running
run: "$D/interrupt.sh" TERM 0.5 uscript -e 'probe begin { println("begin") } probe end { println("end") }'; echo "status $?"
--- stdout
begin
end
status 0
