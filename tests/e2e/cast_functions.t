# An @cast that names its module is read in functions, and in begin probes
# (there '&' on it gives offsets and sizes); @defined of one in a function.
run: uscript -e 'function recy(p) { return @cast(p, "struct rec", "'$T'/casts")->at[1]->y } function has(p) { return @defined(@cast(p, "struct rec", "'$T'/casts")->zz) } probe begin { println(&@cast(0, "struct rec", "'$T'/casts")->name, " ", &@cast(0, "union word", "'$T'/casts")[1]) } probe process("'$T'/casts").function("take") { println(recy($p), " ", has($p)) }' -c "$T/casts"
--- stdout
40 8
4 0
