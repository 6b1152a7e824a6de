# -D: a limit of uscript's needs a number in its range (a usage error,
# status 2, otherwise); SystemTap's other macros, with or without a value,
# and any other name (stap hands them to the C compiler) are a warning that
# says why they change nothing here, and the script runs.  -w silences it.
# needs: nothing
run: for d in MAXSTRINGLEN MAXSTRINGLEN=abc MAXACTION=0 FOO=1 STP_NO_OVERLOAD MAXSKIPPED=5 MAXERRORS=-1; do uscript -D "$d" -e 'probe begin { exit() }'; echo "$d $?"; done 2>&1; uscript -w -D FOO=1 -e 'probe begin { println("quiet"); exit() }' 2>&1
--- stdout
uscript: -D MAXSTRINGLEN needs a value: -D NAME=VALUE
Try 'uscript -h' for more information.
MAXSTRINGLEN 2
uscript: -D MAXSTRINGLEN must be a number from 2 to 65536
MAXSTRINGLEN=abc 2
uscript: -D MAXACTION must be a number from 1 to 100000000
MAXACTION=0 2
uscript: warning: -D FOO has no effect: uscript's limits are MAXSTRINGLEN, MAXACTION, MAXMAPENTRIES, MAXNESTING, MAXERRORS, BUFSIZE and USTACK_BYTES
FOO=1 0
uscript: warning: -D STP_NO_OVERLOAD has no effect: uscript has no overload processing to turn off
STP_NO_OVERLOAD 0
uscript: warning: -D MAXSKIPPED has no effect: uscript's probes are never skipped
MAXSKIPPED=5 0
uscript: -D MAXERRORS must be a number from 0 to 1000000
MAXERRORS=-1 2
quiet
