# After a runtime error the end probes are skipped, and with them SystemTap's printing
# of unread globals (it is done by synthetic end probes).
# -u: nothing uses the value whose evaluation fails or loops, and elision
# would leave it out (SystemTap's own tests of these errors run stap -u).
run: uscript -u -e 'global x; probe begin { x = 5; z = 0; y = 1 / z }'
--- stderr
ERROR: division by 0 near <input>:1:45
--- status
1
