# begin(N), end(N) and error(N) run by priority, the lower first, negative
# ones too, ties (begin and begin(0)) in the order of the script.
run: uscript -e 'probe begin(10) { println("b10") } probe begin(-5) { println("b-5") } probe begin { println("b0 first") } probe begin(0) { println("b0 second") } probe begin(20) { println("b20"); exit() } probe end(2) { println("end2") } probe end(-1) { println("end-1") } probe end { println("end0") }'
--- stdout
b-5
b0 first
b0 second
b10
b20
end-1
end0
end2
