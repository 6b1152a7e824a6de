# floatingpoint.stp against this machine's own doubles: a C program writes
# a script that adds, subtracts, multiplies, divides and compares every
# pair of 37 doubles (zeros, subnormals, the largest, infinities, a NaN,
# ties, random bits), takes their square roots, their integers in each
# rounding mode and their text (SystemTap's fp_to_string, done in C with
# the machine's doubles), and converts longs, strings and floats; then
# what the machine says the results are.  NaNs print as "nan".  Each
# operation is many statements: MAXACTION is raised.
# needs: nothing
run: cc -o "$BUILDDIR/tests/fp_ref" "$D/tapset_floatingpoint_ref.c" -lm && "$BUILDDIR/tests/fp_ref" script > "$BUILDDIR/tests/fp.up" && uscript -D MAXACTION=100000000 "$BUILDDIR/tests/fp.up" > "$BUILDDIR/tests/fp_got" && "$BUILDDIR/tests/fp_ref" expected | cmp - "$BUILDDIR/tests/fp_got" && wc -l < "$BUILDDIR/tests/fp_got"; uscript -u -D MAXACTION=100000 -e 'probe begin { println(fp_to_string(string_to_fp("3.14"), 5), " ", fp_to_string(long_to_fp(2), 3), " ", fp_to_string(string_to_fp("-2.5e3"), 2)); println(fp_to_long(string_to_fp("3.14"), 0, 0), " ", fp_lt(fp_sqrt(string_to_fp("3.14")), fp_div(string_to_fp("3.14"), long_to_fp(2)))); x = string_to_fp("3.1x4") }'
--- stdout
7247
3.14000 2.000 -2500.00
3 0
--- stderr
ERROR: invalid format near tapset/floatingpoint.stp:537:3 (in string_to_fp())
--- status
1
