# MAXACTION in a uprobe: a runtime error; the traced program is not harmed (its
# exit status is 0: add() returned the right sums).
# alone: the command must have ended 0.2 s after uscript did
# -u: nothing uses the value whose evaluation fails or loops, and elision
# would leave it out (SystemTap's own tests of these errors run stap -u).
run: cd "$T" && d=$(mktemp -d) && { uscript -u -e 'probe process("./add").function("add") { while (1) { } } probe error { println("error") } probe end { println("end") }' -c "sh -c './add 3; echo \$? > $d/st'" 2>/dev/null; echo "status $?"; sleep 0.2; cat "$d/st"; rm -rf "$d"; }
--- stdout
error
status 1
0
