# A wrapping array of statistics makes room too, giving up one of its
# elements (which one is not defined: a statistic has no age).
run: cd "$T" && uscript -e 'global st%[2]; probe process("./add").function("add") { st[$a] <<< $b } probe end { n = 0; foreach (k in st) n++; printf("%d elements\n", n) }' -c './add 6'
--- stdout
2 elements
