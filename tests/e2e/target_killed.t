# A -c command killed by a signal dies as it does untraced; uscript says so
# as staprun does (signal number and name), still runs end, and exits 1.
run: cd "$T" && for s in 9 15; do { ./family kill $s; } 2>/dev/null; echo "status $?"; uscript -e 'global n; probe process.function("work") { n++ } probe end { printf("end %d\n", n) }' -c "./family kill $s"; echo "status $?"; done
--- stdout
kill
status 137
kill
end 1
status 1
kill
status 143
kill
end 1
status 1
--- stderr
WARNING: Child process exited with signal 9 (Killed)
WARNING: Child process exited with signal 15 (Terminated)
