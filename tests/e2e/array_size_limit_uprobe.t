# global a[2] in a process probe: the third add() call creates a third
# element, "Array overflow, check size limit (2)", status 1, error probe.
run: cd "$T" && uscript -e 'global a[2]; probe process("./add").function("add") { a[int_arg(1)]++ } probe error { println("error probe") }' -c './add 5'
--- stdout
error probe
--- stderr
ERROR: Array overflow, check size limit (2) near <input>:1:55
--- status
1
