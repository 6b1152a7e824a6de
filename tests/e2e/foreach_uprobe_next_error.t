# In a process probe's foreach, next leaves the probe, and a runtime error
# stops the script at its place: the error probe runs instead of end.
# -u: nothing uses the value whose evaluation fails or loops, and elision
# would leave it out (SystemTap's own tests of these errors run stap -u).
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { i = int_arg(1); a[i] = i; foreach (k in a) { if (k == 2) next } printf("%d done\n", i) }' -c './add 4'; uscript -u -e 'global a; probe process("./add").function("add") { i = int_arg(1); a[i] = i; foreach (k in a) { x = 10 / (k - 2) } printf("%d ok\n", i) } probe end { println("end") } probe error { println("error probe") }' -c './add 4'; echo "status $?"
--- stdout
0 done
1 done
0 ok
1 ok
error probe
status 1
--- stderr
ERROR: division by 0 near <input>:1:104
