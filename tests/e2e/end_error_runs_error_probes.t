# An error in an end probe: the later end probes do not run, and the error
# probes run after it, as in SystemTap.
run: uscript -e 'probe begin { exit() } probe end { println("e1"); error("in end") } probe end { println("e2") } probe error { println("error probe") }'
--- stdout
e1
error probe
--- stderr
ERROR: in end near <input>:1:51
--- status
1
