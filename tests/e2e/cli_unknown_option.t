# An unknown option, or one without its argument, is a usage error: status
# 2, a message on stderr naming it, nothing on stdout.  The messages start
# with "uscript:" however uscript was run (here by its path).
# needs: nothing
run: u=$(command -v uscript); for a in -Z --frobnicate -vZ; do "$u" $a 'probe begin { exit() }' 2>&1 >/dev/null; echo "status $?"; done; for a in -e -x; do "$u" $a 2>&1; echo "status $?"; done
--- stdout
uscript: invalid option -- 'Z'
Try 'uscript -h' for more information.
status 2
uscript: unrecognized option '--frobnicate'
Try 'uscript -h' for more information.
status 2
uscript: invalid option -- 'Z'
Try 'uscript -h' for more information.
status 2
uscript: option requires an argument -- 'e'
Try 'uscript -h' for more information.
status 2
uscript: option requires an argument -- 'x'
Try 'uscript -h' for more information.
status 2
