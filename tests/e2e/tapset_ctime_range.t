# ctime() over a range of times, from the first to the last second it takes,
# against the C library's asctime(gmtime()) without its newline: a C
# program writes a script that converts them, and the dates it must print.
# Each ctime() is some thirty statements: MAXACTION is raised for 120.
# needs: nothing
run: cc -o "$BUILDDIR/tests/ctime_ref" "$D/tapset_ctime_ref.c" && "$BUILDDIR/tests/ctime_ref" script > "$BUILDDIR/tests/ctime.up" && uscript -D MAXACTION=100000 "$BUILDDIR/tests/ctime.up" > "$BUILDDIR/tests/ctime_got" && "$BUILDDIR/tests/ctime_ref" dates | cmp - "$BUILDDIR/tests/ctime_got" && wc -l < "$BUILDDIR/tests/ctime_got"
--- stdout
120
