# @entry of a string: sprintf at each call's entry, kept for its return
# beside a long, per call through the recursion.
run: cd "$T" && uscript -e 'probe process("./many").function("fact").return { printf("%s -> %d (%d)\n", @entry(sprintf("fact(%d)", $n)), $return, @entry($n)) }' -c ./many
--- stdout
fact(1) -> 1 (1)
fact(2) -> 2 (2)
fact(3) -> 6 (3)
fact(4) -> 24 (4)
