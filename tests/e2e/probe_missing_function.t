# A function that is not in the file is a compile error (status 1) naming the point;
# the -c command is not run.
run: cd "$T" && d=$(mktemp -d) && { uscript -e 'probe process("./add").function("no_such_function") { println("x") }' -c "touch $d/ran" 2>&1 | grep -c 'error: .*no_such_function'; echo "status ${PIPESTATUS[0]}"; ls "$d" | wc -l; rm -rf "$d"; }
--- stdout
1
status 1
0
