# MAXACTION is not caught, as in SystemTap: the script stops with the error.
# -u: nothing uses the value whose evaluation fails or loops, and elision
# would leave it out (SystemTap's own tests of these errors run stap -u).
run: uscript -u -e 'probe begin { try { while (1) {} } catch (m) { println("caught ", m) } }'
--- stderr
ERROR: MAXACTION exceeded near <input>:1:31
--- status
1
