# -D MAXERRORS=N, as in SystemTap: the first N runtime errors are reported
# and end only the handler that raised them; the one after stops the run
# (no end probe).  A run that ends normally past errors runs its end probes,
# says how many errors there were, and exits with status 1.
run: cd "$T" && uscript -D MAXERRORS=2 -e 'probe process("./add").function("add") { x = 10 / ($a - $a); printf("after %d\n", x) } probe process("./add").function("add").return { printf("ret %d\n", $return) } probe end { println("end") }' -c "./add 5"; echo "status $?"; uscript -D MAXERRORS=5 -e 'probe process("./add").function("add") { x = 10 / ($a - $a); printf("after %d\n", x) } probe end { println("end") }' -c "./add 3"; echo "status $?"
--- stdout
ret 1
ret 3
status 1
end
status 1
--- stderr
ERROR: division by 0 near <input>:1:49
ERROR: division by 0 near <input>:1:49
ERROR: division by 0 near <input>:1:49
WARNING: Number of errors: 3, skipped probes: 0
ERROR: division by 0 near <input>:1:49
ERROR: division by 0 near <input>:1:49
ERROR: division by 0 near <input>:1:49
WARNING: Number of errors: 3, skipped probes: 0
