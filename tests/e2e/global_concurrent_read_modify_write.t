# SystemTap holds a handler's globals locked for the whole handler, so n = n + 1 in
# probes that fire at once on several CPUs loses nothing: two threads, 200000 calls each.
run: cd "$T" && uscript -e 'global n; probe process("./threads").function("work") { n = n + 1 } probe end { printf("%d\n", n) }' -c './threads 200000'
--- stdout
400000
