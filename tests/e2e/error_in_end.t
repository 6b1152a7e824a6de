# A runtime error in an end probe is reported like any other: the ERROR line,
# the rest of that probe skipped, status 1, and no unread globals printed.
# needs: nothing
# -u: nothing uses the value whose evaluation fails or loops, and elision
# would leave it out (SystemTap's own tests of these errors run stap -u).
run: uscript -u -e 'global g; probe begin { g = 1; exit() } probe end { z = 0; println("before"); x = 1 / z; println("after") }'
--- stdout
before
--- stderr
ERROR: division by 0 near <input>:1:85
--- status
1
