# A function name that is not in the file gets the closest names of its
# functions, by SystemTap's edit distance; a wildcard that matches nothing,
# or a name close to none, gets none.
# needs: nothing
run: cd "$T" && for f in compte handle_requests 'zz*' frobnicate; do uscript -p2 -e 'probe process("./demo").function("'$f'") {}' 2>&1 | head -1 | sed "s|$T|T|"; done
--- stdout
<input>:1:7: error: probe point process("./demo").function("compte") does not resolve: no function named 'compte' in T/demo (similar: compute)
<input>:1:7: error: probe point process("./demo").function("handle_requests") does not resolve: no function named 'handle_requests' in T/demo (similar: handle_request, parse_request)
<input>:1:7: error: probe point process("./demo").function("zz*") does not resolve: no function matches 'zz*' in T/demo
<input>:1:7: error: probe point process("./demo").function("frobnicate") does not resolve: no function named 'frobnicate' in T/demo
