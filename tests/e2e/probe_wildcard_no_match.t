# A wildcard that matches no function is a compile error naming the pattern and file.
# needs: nothing
run: cd "$T" && uscript -e 'probe process("./add").function("zz*") { }' 2>&1 | sed "s|$T|T|g"; echo "status ${PIPESTATUS[0]}"
--- stdout
<input>:1:7: error: probe point process("./add").function("zz*") does not resolve: no function matches 'zz*' in T/add
    1 | probe process("./add").function("zz*") { }
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
status 1
