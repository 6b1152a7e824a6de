# SIGINT stops uscript normally: end runs, unread globals print, status 0.
# alone: the signal comes after a fixed half second, by which uscript must
# be running
run: "$D/interrupt.sh" INT 0.5 uscript -e 'global g; probe begin { println("begin"); g = 7 } probe end { println("end") }'; echo "status $?"
--- stdout
begin
end
g=7
status 0
