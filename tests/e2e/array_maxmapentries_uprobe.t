# -D MAXMAPENTRIES=4 in a process probe: add(i, i + 1) for i = 0..9 creates a
# fifth element at i = 4, "Array overflow, check MAXMAPENTRIES", status 1, the
# error probe runs and end does not.
run: cd "$T" && uscript -D MAXMAPENTRIES=4 -e 'global a; probe process("./add").function("add") { a[int_arg(1)] = int_arg(2) } probe error { println("error probe") } probe end { println("end") }' -c './add 10'
--- stdout
error probe
--- stderr
ERROR: Array overflow, check MAXMAPENTRIES near <input>:1:52
--- status
1
