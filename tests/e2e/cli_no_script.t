# No script at all is a usage error (status 2), with one line saying what
# is missing.
# needs: nothing
run: { uscript; echo "status $?"; uscript -c true; echo "status $?"; } 2>&1
--- stdout
uscript: no script: give a FILE.up, or a program with -e
Try 'uscript -h' for more information.
status 2
uscript: no script: give a FILE.up, or a program with -e
Try 'uscript -h' for more information.
status 2
