# needs: nothing
# A script with nothing to run is an error, as SystemTap's "no probes
# found", rather than a wait for nothing: a script with only functions,
# and one whose optional points all fail to resolve.  As with stap, the
# function nothing calls is elided first, with a warning.  (An empty script is
# cli_empty_script.t.)
run: d=$(mktemp -d); { uscript -e 'function f() { return 1 }'; echo "status $?"; uscript -e 'probe process("'$d'/none").function("f") ? { }'; echo "status $?"; } 2>&1; rm -r $d
--- stdout
<input>:1:10: warning: Eliding unused function 'f'
    1 | function f() { return 1 }
      |          ^
uscript: error: no probes found: the script has no probe, or each of its probe points is optional and none resolved
status 1
uscript: error: no probes found: the script has no probe, or each of its probe points is optional and none resolved
status 1
