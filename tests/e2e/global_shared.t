# A global is shared by all probes: set in begin, updated in a uprobe, read in end.
run: cd "$T" && uscript -e 'global total, label; probe begin { total = 100; label = "sum" } probe process("./add").function("add").return { total += returnval() } probe end { printf("%s %d\n", label, total) }' -c './add 4'
--- stdout
sum 116
