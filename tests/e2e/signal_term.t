# SIGTERM stops uscript normally too: end runs, status 0.
run: "$D/interrupt.sh" TERM 0.5 uscript -e 'probe begin { println("begin") } probe end { println("end") }'; echo "status $?"
--- stdout
begin
end
status 0
