# exit() in a uprobe: no probe fires after it, end runs, status 0.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printf("add %d\n", int_arg(1)); exit() } probe end { println("end") }' -c './add 5'
--- stdout
add 0
end
