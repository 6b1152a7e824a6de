# Division by zero in a uprobe (add(0, 1) divides by 0): error probe, status 1.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printf("%d\n", 100 / int_arg(1)) } probe error { println("error") } probe end { println("end") }' -c './add 3'
--- stdout
error
--- stderr
ERROR: division by 0 near <input>:1:61
--- status
1
