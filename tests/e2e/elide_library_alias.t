# A library alias (-I) that sets name, arg1 and argstr, the last from
# memory that faults: a probe that reads only name runs without the
# fault, and the library's code draws no warnings.  With -u the prologue
# runs whole and faults.
run: cd "$T" && uscript -I "$D/elide_dir" -e 'probe calls.add { println(name) }' -c './add 2' && { uscript -u -I "$D/elide_dir" -e 'probe calls.add { println(name) }' -c './add 2' 2>&1; echo "status $?"; } | sed "s|$D/||"
--- stdout
add
add
ERROR: user string copy fault -14 at 0x0 [man error::fault] near elide_dir/calls.stp:11:35
status 1
