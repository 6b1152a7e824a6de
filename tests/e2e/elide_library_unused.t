# A library file pulled in for one function brings globals and functions
# that nothing types: they are left out before types are inferred, with -u
# too (stap never takes them in), and -p2 lists only what runs.
# needs: nothing
run: for u in "" -u; do uscript $u -p2 -I "$D/elide_dir" -e 'probe begin { println(calls_double(21)); exit() }'; done
--- stdout
# globals
# functions
calls_double:long (x:long)
# probes
begin /* probe 0, begin */
# globals
# functions
calls_double:long (x:long)
# probes
begin /* probe 0, begin */
