# foreach in an end probe sees elements process probes created, in the
# order the calls created them.
run: cd "$T" && uscript -e 'global a; probe process("./add").function("add") { a[5 - int_arg(1)] = int_arg(1) } probe end { foreach (k in a) printf("%d ", k); println("") }' -c './add 4'
--- stdout
5 4 3 2 
