# ubacktrace() is a string of hex addresses, each followed by a space: it
# can key an array, and every call from the same place gives the same one.
run: cd "$T" && uscript -e 'global seen; probe process("./stacks").function("square") { seen[ubacktrace()]++ } probe end { foreach (s in seen) printf("%d [%s]\n", seen[s], s) }' -c './stacks 4' | sed -E 's/(0x[0-9a-f]+ )+/ADDRS /'
--- stdout
4 [ADDRS ]
