# '%' by zero is the same runtime error as '/', located at the operator.
run: uscript -e 'probe begin { z = 0; n = 7 % z } probe end { println("end") }'
--- stderr
ERROR: division by 0 near <input>:1:28
--- status
1
