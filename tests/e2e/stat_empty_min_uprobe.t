# @min of an empty statistic in a process probe: "empty aggregate", status 1,
# the error probe runs.
run: cd "$T" && uscript -e 'global x; probe process("./add").function("add") { if (int_arg(1) > 5) x <<< 1; printf("%d\n", @min(x)) } probe error { println("error probe") }' -c './add 3'
--- stdout
error probe
--- stderr
ERROR: empty aggregate near <input>:1:96
--- status
1
