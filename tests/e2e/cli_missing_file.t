# A script file that cannot be read: status 1 and one line naming it and
# saying why: missing, a directory, or not readable by the user (root
# reads any file, so the last runs as nobody, with a copy of uscript that
# nobody may run wherever the build tree is).
# needs: nothing
run: d=$(mktemp -d); chmod 755 $d; printf 'probe begin { exit() }\n' > $d/private.up; chmod 600 $d/private.up; cp "$(readlink -f "${USCRIPT_REAL:-$(command -v uscript)}")" $d/uscript; { uscript $d/missing.up; echo "status $?"; uscript $d; echo "status $?"; setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all $d/uscript $d/private.up; echo "status $?"; } 2>&1 | sed "s|$d|D|"; rm -r $d
--- stdout
uscript: cannot read D/missing.up: No such file or directory
status 1
uscript: cannot read D: Is a directory
status 1
uscript: cannot read D/private.up: Permission denied
status 1
