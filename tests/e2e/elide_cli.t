# Elision's warnings and the options: without -v a message is given once
# and a last note counts the rest; -v gives each; -w none; -W makes
# them errors (status 1); -u elides nothing, so says nothing.
# needs: nothing
run: p='probe begin { a = 1; b = 2; exit() }'; for o in "" -v -w -W -u; do echo "[$o]"; uscript $o -p2 -e "$p" 2>&1 >/dev/null | grep -v '^ '; echo "status ${PIPESTATUS[0]}"; done
--- stdout
[]
<input>:1:17: warning: Eliding assignment to 'a'
<input>:1:24: warning: Eliding assignment to 'b'
<input>:1:15: warning: Eliding side-effect-free expression
<input>:1:15: warning: Eliding unused variable 'a'
<input>:1:22: warning: Eliding unused variable 'b'
uscript: note: Number of similar warning messages suppressed: 1. Rerun with -v to see them.
status 0
[-v]
<input>:1:17: warning: Eliding assignment to 'a'
<input>:1:24: warning: Eliding assignment to 'b'
<input>:1:15: warning: Eliding side-effect-free expression
<input>:1:22: warning: Eliding side-effect-free expression
<input>:1:15: warning: Eliding unused variable 'a'
<input>:1:22: warning: Eliding unused variable 'b'
status 0
[-w]
status 0
[-W]
<input>:1:17: error: Eliding assignment to 'a'
<input>:1:24: error: Eliding assignment to 'b'
<input>:1:15: error: Eliding side-effect-free expression
<input>:1:15: error: Eliding unused variable 'a'
<input>:1:22: error: Eliding unused variable 'b'
uscript: note: Number of similar warning messages suppressed: 1. Rerun with -v to see them.
status 1
[-u]
status 0
