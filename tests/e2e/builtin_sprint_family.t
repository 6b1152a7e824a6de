# sprint with several arguments, sprintln, sprintd and sprintdln make the
# text print, println, printd and printdln would print, in a process probe
# and in begin.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printf("[%s][%s][%s][%s]\n", sprint(int_arg(1), "x", -2), sprintln("a", int_arg(2)), sprintd(", ", "k", int_arg(1), "%"), sprintdln("-", 7, "z")) } probe begin { printf("[%s][%s][%s]\n", sprint(1, 2), sprintd("::", "a", "b", 3), sprintln()) }' -c './add 2'
--- stdout
[12][a::b::3][
]
[0x-2][a1
][k, 0, %][7-z
]
[1x-2][a2
][k, 1, %][7-z
]
