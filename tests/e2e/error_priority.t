# After an error in a begin probe the later begin probes do not run; the
# error probes run by priority, and an error in one is reported too, with
# the other error probes still run, as in SystemTap.
run: uscript -e 'probe begin(1) { println("b1"); error("first") } probe begin(2) { println("b2") } probe error(5) { println("err5") } probe error(-5) { println("err-5"); error("in an error probe") } probe end { println("end") }'
--- stdout
b1
err-5
err5
--- stderr
ERROR: first near <input>:1:33
ERROR: in an error probe near <input>:1:154
--- status
1
