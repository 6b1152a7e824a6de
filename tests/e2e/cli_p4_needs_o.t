# -p4 without -o is a usage error (status 2).
# needs: nothing
run: cd "$T" && uscript -p4 -e 'probe process("./add").function("add") { }' 2>/dev/null; echo "status $?"
--- stdout
status 2
