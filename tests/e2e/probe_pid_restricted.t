# process(PID).function(...) fires only in that process, though two run the same file.
run: cd "$T" && { ./ticker 0 & a=$!; ./ticker 0 & b=$!; uscript -e 'global n, other; probe process('$a').function("tick") { n++; if (pid() != $1) other++ } probe timer.ms(400) { exit() } probe end { printf("%d %d\n", n > 0, other) }' $a; echo "status $?"; kill $a $b; wait; }
--- stdout
1 0
status 0
