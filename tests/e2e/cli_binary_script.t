# needs: nothing
# Binary data is not taken for a script.
run: d=$(mktemp -d); printf 'probe\0begin' > $d/bin.up; uscript $d/bin.up 2>&1 | sed "s|$d|D|"; echo "status ${PIPESTATUS[0]}"; rm -r $d
--- stdout
uscript: D/bin.up is not a script: it holds NUL bytes
status 1
