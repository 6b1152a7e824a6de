# Several begin (and end) probes run in the order the script declares them.
run: uscript -e 'probe begin { println("b1") } probe end { println("e1") } probe begin { println("b2"); exit() } probe end { println("e2") } probe begin { println("b3") }'
--- stdout
b1
b2
b3
e1
e2
