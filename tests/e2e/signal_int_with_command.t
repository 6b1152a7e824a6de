# SIGINT while a -c command runs: uscript stops, runs end, and exits 0.
run: cd "$T" && timeout --preserve-status -s INT 0.8 uscript -e 'global n; probe process("./ticker").function("tick") { n++ } probe end { printf("ticks %d\n", n > 0) }' -c './ticker 0'; echo "status $?"
--- stdout
ticks 1
status 0
