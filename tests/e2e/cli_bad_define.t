# -D accepts only the known limits with a number: others are usage errors (status 2).
# needs: nothing
run: for d in FOO=1 MAXSTRINGLEN MAXSTRINGLEN=abc MAXACTION=0; do uscript -D "$d" -e 'probe begin { exit() }' 2>/dev/null; echo "$d $?"; done
--- stdout
FOO=1 2
MAXSTRINGLEN 2
MAXSTRINGLEN=abc 2
MAXACTION=0 2
