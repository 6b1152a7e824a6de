# Errors of resolution and of probe points are all reported in one run: the
# unknown function and the unknown timer unit (x, assigned from the unknown
# function, gets no error of its own).
# needs: nothing
run: uscript -e 'probe timer.xs(1) { x = nosuch() }' 2>&1 | grep -c ': error: '; echo "status ${PIPESTATUS[0]}"
--- stdout
2
status 1
