# A wildcard with perf-event links: one link per function, each with its own
# cookie for probefunc().
run: cd "$T" && USCRIPT_NO_UPROBE_MULTI=1 uscript -e 'probe process("./args").function("[bn]*") { println(probefunc()) }' -c './args'
--- stdout
negative
big_unsigned
