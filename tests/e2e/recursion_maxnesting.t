# Functions may recurse, as in SystemTap, up to MAXNESTING calls under way
# at once (10): fact(10) is ten calls deep, fact(11) one too many, which is
# SystemTap's runtime error "MAXNESTING exceeded" at the call; -D
# MAXNESTING=11 allows it.
run: uscript -e 'function fact(n) { if (n <= 1) return 1; return n * fact(n - 1) } probe begin { println(fact(10)); println(fact(11)) } probe error { println("error probe") }'; echo "status $?"; uscript -D MAXNESTING=11 -e 'function fact(n) { if (n <= 1) return 1; return n * fact(n - 1) } probe begin { println(fact(11)); exit() }'
--- stdout
3628800
error probe
status 1
39916800
--- stderr
ERROR: MAXNESTING exceeded near <input>:1:53
