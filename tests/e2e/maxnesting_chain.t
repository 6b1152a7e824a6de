# MAXNESTING bounds every chain of calls, recursive or not, as in
# SystemTap: with -D MAXNESTING=2, f1 -> f2 runs and f1 -> f2 -> f3 is an
# error at the call of f3.
run: uscript -D MAXNESTING=2 -e 'function f3() { return 3 } function f2(deep) { if (deep) return f3(); return 2 } function f1(deep) { return f2(deep) } probe begin { println(f1(0)); println(f1(1)) }'; echo "status $?"
--- stdout
2
status 1
--- stderr
ERROR: MAXNESTING exceeded near <input>:1:65
