# Errors of resolution and of probe points are all reported in one run.
# needs: nothing
run: uscript -e 'probe timer.xs(1) { x = nosuch() }' 2>&1 | grep -c ': error: '; echo "status ${PIPESTATUS[0]}"
--- stdout
3
status 1
