# error(msg) in begin: "ERROR: msg near" the call, the rest of the handler is
# skipped, the error probe runs, end does not, status 1.
run: uscript -e 'probe begin { println("a"); error("bad thing"); println("b") } probe error { println("error probe") } probe end { println("end") }'
--- stdout
a
error probe
--- stderr
ERROR: bad thing near <input>:1:29
--- status
1
