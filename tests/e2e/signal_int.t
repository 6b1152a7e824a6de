# SIGINT stops uscript normally: end runs, unread globals print, status 0.
run: "$D/interrupt.sh" INT 0.5 uscript -e 'global g; probe begin { println("begin"); g = 7 } probe end { println("end") }'; echo "status $?"
--- stdout
begin
end
g=7
status 0
