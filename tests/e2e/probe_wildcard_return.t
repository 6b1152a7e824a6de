# A wildcard .return probe: returnval() of each matching function, in call order.
run: cd "$T" && uscript -e 'probe process("./args").function("[bn]*").return { printf("%d\n", returnval()) }' -c ./args
--- stdout
4294967254
4000000000
