# Without exit(), the script stops when the -c command exits; end runs, status 0.
run: cd "$T" && uscript -e 'global n; probe process("./add").function("add") { n++ } probe end { printf("%d calls\n", n) }' -c './add 6'
--- stdout
6 calls
