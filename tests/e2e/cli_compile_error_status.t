# A compile error: status 1, the diagnostic on stderr, nothing run.
# needs: nothing
run: uscript -e 'probe begin { println(nosuch()); exit() }' 2>/dev/null; echo "status $?"
--- stdout
status 1
