# With -x, target() is PID already in begin.
run: cd "$T" && { ./ticker 0 & p=$!; uscript -x $p -e 'probe begin { println(target() == $1); exit() }' $p; echo "status $?"; kill $p; wait; }
--- stdout
1
status 0
