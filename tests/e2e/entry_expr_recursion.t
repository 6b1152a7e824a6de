# @entry(x) in a .return probe is x as it was at the entry of the call that
# returns: per call, so recursion finds its own call's values (t++ ran at
# each entry, outermost first), and $n inside it is the parameter's entry
# value.
run: cd "$T" && uscript -e 'global t; probe process("./many").function("fact").return { printf("fact(%d) = %d, n*10 at entry %d, t at entry %d\n", $n, $return, @entry($n * 10), @entry(t++)) }' -c './many'
--- stdout
fact(1) = 1, n*10 at entry 10, t at entry 3
fact(2) = 2, n*10 at entry 20, t at entry 2
fact(3) = 6, n*10 at entry 30, t at entry 1
fact(4) = 24, n*10 at entry 40, t at entry 0
