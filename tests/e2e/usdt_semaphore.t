# A probe behind a semaphore: while uscript is attached the kernel counts
# the semaphore up, so the program fires the probe; after uscript stops it
# is 0 again.  The program prints the semaphore when it changes.
# alone: the program must have started 0.2 s after it was run, and fire more
# than 10 times in 0.3 s
run: "$T/usdt_sema" 0 > "$D/sema.out.$$" & pid=$!; sleep 0.2; uscript -x $pid -e 'global n; probe process("'$T'/usdt_sema").mark("guarded") { n++ } probe timer.ms(300) { exit() } probe end { printf("fired: %s\n", n > 10 ? "yes" : "no") }'; sleep 0.3; kill $pid; wait $pid; cat "$D/sema.out.$$"; rm -f "$D/sema.out.$$"
--- stdout
fired: yes
semaphore 0
semaphore 1
semaphore 0
