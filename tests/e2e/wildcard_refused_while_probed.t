# While another uscript has a probe on step_add, the kernel puts its
# breakpoint (int3) into every mapping of the file, the compiler's own
# too; the instructions are read from the file instead, so step_add is
# not taken for one the kernel refuses, and only the two that are left out.
run: cd "$T" && o=$(mktemp) && { ./refused loop & p=$!; } && { uscript -o "$o" -e 'global n; probe process("./refused").function("step_add") { if (n++ == 0) println("in place") }' & a=$!; } && until grep -q "in place" "$o"; do sleep 0.01; done; uscript -p2 -e 'probe process("./refused").function("step_*") { }' 2>&1 | grep -e 'warning:' -e 'uprobe' | sed -E 's/@[^"]*//; s/ \/\*.*//; s|"/[^"]*/refused"|"./refused"|'; kill $a $p; wait $a; rm -f "$o"
--- stdout
<input>:1:7: warning: 2 probe points of process("./refused").function("step_*") cannot be probed and were skipped (-v lists them)
process("./refused").function("step_twice")
process("./refused").function("step_add")
