# '%' by zero is the same runtime error as '/', located at the operator.
# -u: nothing uses the value whose evaluation fails, and elision would
# leave it out (SystemTap's own tests of these errors run stap -u).
run: uscript -u -e 'probe begin { z = 0; n = 7 % z } probe end { println("end") }'
--- stderr
ERROR: division by 0 near <input>:1:28
--- status
1
