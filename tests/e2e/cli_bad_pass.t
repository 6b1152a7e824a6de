# -p takes a pass from 1 to 5: anything else is a usage error (status 2).
# needs: nothing
run: for p in 0 6 9 x; do uscript -p "$p" -e 'probe begin { exit() }' 2>/dev/null; echo "$p $?"; done
--- stdout
0 2
6 2
9 2
x 2
