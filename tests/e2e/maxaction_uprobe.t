# MAXACTION in a uprobe: a runtime error; the traced program is not harmed (its
# exit status is 0: add() returned the right sums).
# alone: the command must have ended 0.2 s after uscript did
run: cd "$T" && d=$(mktemp -d) && { uscript -e 'probe process("./add").function("add") { while (1) { } } probe error { println("error") } probe end { println("end") }' -c "sh -c './add 3; echo \$? > $d/st'" 2>/dev/null; echo "status $?"; sleep 0.2; cat "$d/st"; rm -rf "$d"; }
--- stdout
error
status 1
0
