# An unknown option is a usage error: status 2, a message on stderr, nothing on stdout.
# needs: nothing
run: uscript -Z -e 'probe begin { exit() }' 2>/dev/null; echo "status $?"; uscript -Z -e 'probe begin { exit() }' 2>&1 >/dev/null | grep -c .
--- stdout
status 2
2
