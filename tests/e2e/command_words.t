# -c splits CMD into words as the shell would, quotes included, and runs it directly.
run: cd "$T" && uscript -e 'global n; probe process("./add").function("add") { n++ } probe end { printf("%d\n", n) }' -c "./add '4'"
--- stdout
4
