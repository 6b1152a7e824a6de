# The kernel keeps at most 64 return probes pending per thread, and reports
# no return of a call made deeper: recursion 200 deep gives 201 calls of rec
# and 64 returns.  uscript counts the 137 others and says so at the end, as
# it says how many events were lost.
run: cd "$T" && uscript -e 'global calls, returns; probe process("./battery").function("rec") { calls++ } probe process("./battery").function("rec").return { returns++ } probe end { printf("%d calls, %d returns\n", calls, returns) }' -c './battery recurse'
--- stdout
rec 20100
201 calls, 64 returns
--- stderr
WARNING: Number of returns missed: 137 (the kernel reports no return of a call made while 64 returns of its thread are pending)
