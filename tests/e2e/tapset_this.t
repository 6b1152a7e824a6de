# @this1 ... @this8 (tapset/this.stpm), as SystemTap's: a value a thread
# keeps from one probe to a later one, here from a call's entry to its
# return, in a threaded program whose threads interleave.  Only the arrays
# the script uses come in (this1.stp, this3.stp): an array the script
# names without declaring pulls in the tapset file that declares it.
run: cd "$T" && uscript -e 'global bad probe process("./threads").function("work") { @this1 = tid(); @this3 = $i } probe process("./threads").function("work").return { if (@this1 != tid() || @this3 != @entry($i)) bad++; n++ } global n probe end { printf("%d returns, %d wrong\n", n > 0, bad) }' -c './threads 50 4' 2>&1 | grep -v '^threads'
--- stdout
1 returns, 0 wrong
