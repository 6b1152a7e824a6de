# exit() and a runtime error stop uscript, and leave nothing behind.  (The
# -c command goes on running, as under SystemTap; the test stops it.)
# alone: leftovers.sh takes any BPF object loaded meanwhile for this case's,
# and pkill -f stops every ticker with the same command line
run: m=$("$D/leftovers.sh" mark); uscript -e 'global n; probe process("'$T'/ticker").function("tick") { if (++n == 3) exit() } probe end { println("end") }' -c "$T/ticker 0"; echo "status $?"; uscript -e 'probe process("'$T'/ticker").function("tick") { error("boom") }' -c "$T/ticker 0" 2>"$D/err.$$"; echo "status $?"; sed 's/near .*/near .../' "$D/err.$$"; rm -f "$D/err.$$"; pkill -f "$T/ticker 0"; "$D/leftovers.sh" check $m
--- stdout
end
status 0
status 1
ERROR: boom near ...
no leftovers
