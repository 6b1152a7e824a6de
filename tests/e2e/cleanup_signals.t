# SIGINT and SIGTERM stop uscript normally, and leave nothing behind.
run: m=$("$D/leftovers.sh" mark); for s in INT TERM; do "$D/interrupt.sh" $s 0.5 uscript -e 'probe process("'$T'/ticker").function("tick") { } probe end { println("end") }' -c "$T/ticker 0"; echo "status $?"; done; pkill -f "$T/ticker 0"; "$D/leftovers.sh" check $m
--- stdout
end
status 0
end
status 0
no leftovers
