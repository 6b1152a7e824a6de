# Without uprobe_multi links (kernels before 6.6; forced here), each probe
# point is a perf-event link of its own: entry and return probes, a wildcard,
# and pp() through the cookies still work.
run: cd "$T" && USCRIPT_NO_UPROBE_MULTI=1 uscript -e 'probe process("./args").function("[bn]*") { println(probefunc()) } probe process("./add").function("add").return { printf("=%d\n", returnval()) }' -c './add 2'
--- stdout
=1
=3
