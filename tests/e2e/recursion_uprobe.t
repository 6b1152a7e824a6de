# Recursion in a probe on a function, which runs in BPF: each function is
# copied for each depth of calls, mutual recursion (even/odd) too; a call
# past MAXNESTING raises the error there as well.
run: uscript -e 'function fact(n) { if (n <= 1) return 1; return n * fact(n - 1) } function even(n) { if (n == 0) return 1; return odd(n - 1) } function odd(n) { if (n == 0) return 0; return even(n - 1) } probe process("'$T/add'").function("add") { printf("%d %d %d %d\n", $a, fact($a + 1), even($a), odd($a)); if ($a == 2) println(fact(12)) }' -c "$T/add 4"
--- stdout
0 1 1 0
1 2 0 1
2 6 1 0
--- stderr
ERROR: MAXNESTING exceeded near <input>:1:53
--- status
1
