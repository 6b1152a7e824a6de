# No script at all is a usage error (status 2).
# needs: nothing
run: uscript 2>/dev/null; echo "status $?"; uscript -c true 2>/dev/null; echo "status $?"
--- stdout
status 2
status 2
