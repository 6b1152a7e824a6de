# MAXACTION is not caught, as in SystemTap: the script stops with the error.
run: uscript -e 'probe begin { try { while (1) {} } catch (m) { println("caught ", m) } }'
--- stderr
ERROR: MAXACTION exceeded near <input>:1:31
--- status
1
