# needs: nothing
# A script with nothing to run is an error, as SystemTap's "no probes
# found", rather than a wait for nothing: an empty script, one with only
# functions, and one whose optional points all fail to resolve.
run: d=$(mktemp -d); : > $d/empty.up; { uscript $d/empty.up; echo "status $?"; uscript -e 'function f() { return 1 }'; echo "status $?"; uscript -e 'probe process("'$d'/none").function("f") ? { }'; echo "status $?"; } 2>&1; rm -r $d
--- stdout
uscript: error: no probes found: the script has no probe, or each of its probe points is optional and none resolved
status 1
uscript: error: no probes found: the script has no probe, or each of its probe points is optional and none resolved
status 1
uscript: error: no probes found: the script has no probe, or each of its probe points is optional and none resolved
status 1
