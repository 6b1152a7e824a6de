# speculative.stp: text speculate() keeps back is printed by commit(), in
# the order it came, or dropped by discard(); speculation() numbers the
# buffers.  Kept in a process probe, committed in the end probe.
run: cd "$T" && uscript -e 'global ids probe process("./add").function("add") { a = speculation(); b = speculation(); ids[0] = a; ids[1] = b; speculate(a, sprintf("a first %d\n", $a)); speculate(b, "b first\n"); speculate(a, "a second\n") } probe end { printf("%d %d\n", ids[0], ids[1]); discard(ids[1]); commit(ids[0]); commit(ids[0]); commit(ids[1]); println("done") }' -c './add 1'
--- stdout
1 2
a first 0
a second
done
