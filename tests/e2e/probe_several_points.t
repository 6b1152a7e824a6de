# Several probe points share one body: main (argc 2) fires first, then add three times.
run: cd "$T" && uscript -e 'probe process("./add").function("main"), process("./add").function("add") { printf("%d\n", int_arg(1)) }' -c './add 3'
--- stdout
2
0
1
2
