# error(msg) in a process probe, with a message built at run time: the second
# call stops the script; no later call is traced, error probe, status 1.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { printf("call %d\n", int_arg(1)); if (int_arg(1) == 1) error("stop in " . execname()) } probe error { println("error probe") } probe end { println("end") }' -c './add 4'
--- stdout
call 0
call 1
error probe
--- stderr
ERROR: stop in add near <input>:1:96
--- status
1
