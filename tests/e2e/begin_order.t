# Several begin (and end) probes run in the order the script declares them;
# after exit() in one, the later begin probes do not run, as in SystemTap
# (a begin probe runs only while the script is starting).
run: uscript -e 'probe begin { println("b1") } probe end { println("e1") } probe begin { println("b2"); exit() } probe end { println("e2") } probe begin { println("b3") }'
--- stdout
b1
b2
e1
e2
