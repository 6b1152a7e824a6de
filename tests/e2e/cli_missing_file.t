# A script file that cannot be read: status 1 and a message naming it.
# needs: nothing
run: uscript /no/such/script.up 2>&1 >/dev/null | grep -c '/no/such/script.up'; uscript /no/such/script.up 2>/dev/null; echo "status $?"
--- stdout
1
status 1
