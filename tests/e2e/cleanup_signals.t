# SIGINT and SIGTERM sent to uscript alone stop it normally, and leave nothing
# behind; the -c command, which got no signal, is left running.
# alone: leftovers.sh takes any BPF object loaded meanwhile for this case's,
# and pkill -f stops every ticker with the same command line
run: m=$("$D/leftovers.sh" mark); for s in INT TERM; do timeout --foreground --preserve-status -s $s 0.5 uscript -e 'probe process("'$T'/ticker").function("tick") { } probe end { println("end") }' -c "$T/ticker 0"; echo "status $?"; done; pkill -f "$T/ticker 0"; "$D/leftovers.sh" check $m
--- stdout
end
status 0
end
status 0
no leftovers
