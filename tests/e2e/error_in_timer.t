# error(msg) in a timer probe with a message from sprintf: status 1, no more
# ticks, the error probe runs.
run: uscript -e 'global n; probe timer.ms(10) { n++; if (n == 2) error(sprintf("tick %d", n)) } probe error { printf("error probe %d\n", n) }'
--- stdout
error probe 2
--- stderr
ERROR: tick 2 near <input>:1:49
--- status
1
