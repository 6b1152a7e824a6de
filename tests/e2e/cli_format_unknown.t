# -f and --format take text or json; anything else, or none, is a usage
# error (status 2) that names what was given, before anything runs.
# needs: nothing
run: for a in '-f yaml' '--format=JSON' '--format='; do uscript $a -e 'probe begin { println("ran") exit() }'; echo "status $?"; done; uscript -e 'probe begin {}' -f; echo "status $?"
--- stdout
status 2
status 2
status 2
status 2
--- stderr
uscript: -f takes text or json, not 'yaml'
Try 'uscript -h' for more information.
uscript: -f takes text or json, not 'JSON'
Try 'uscript -h' for more information.
uscript: -f takes text or json, not ''
Try 'uscript -h' for more information.
uscript: option requires an argument -- 'f'
Try 'uscript -h' for more information.
