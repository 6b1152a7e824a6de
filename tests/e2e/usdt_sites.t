# A name with two sites is two probes, each read by its own operands;
# probefunc() is the probe's name, and each fires once a round.
run: uscript -e 'probe process("'$T'/usdt").mark("twi*") { printf("%s %d\n", probefunc(), $arg1) }' -c "$T/usdt 2" | grep -v '^round'
--- stdout
twice 1
twice 2
twice 1
twice 2
