# process.function("NAME") probes the executable of the -c command.
run: cd "$T" && uscript -e 'probe process.function("add") { printf("%d\n", int_arg(1)) }' -c './add 2'
--- stdout
0
1
