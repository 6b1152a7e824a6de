# A C++ name that matches nothing is a compile error naming the point: a template
# is named with its arguments ("shapes::twice<int>"), so "shapes::twice" names
# no function, and a note says so; '*' does not reach into a class from its
# namespace; a name must end in a function.
# needs: nothing
run: cd "$T" && for f in 'shapes::twice' 'shapes::g*' 'shapes::'; do uscript -p2 -e 'probe process("./cxx_names").function("'"$f"'") { }' 2>&1 | sed -n "s|$T|T|g; s|^<input>:1:7: ||p"; done
--- stdout
error: probe point process("./cxx_names").function("shapes::twice") does not resolve: no function named 'shapes::twice' in T/cxx_names
note: a template instance is named with its template arguments, as in 'shapes::twice<double>'
error: probe point process("./cxx_names").function("shapes::g*") does not resolve: no function matches 'shapes::g*' in T/cxx_names
error: probe point process("./cxx_names").function("shapes::") does not resolve: no function name after the last '::'
