# .= on a string element in a process probe, once per call.
run: cd "$T" && uscript -e 'global s; probe process("./add").function("add") { s[1] .= "ab"; s[int_arg(1)] .= "x" } probe end { printf("%s|%s|%s\n", s[0], s[1], s[2]) }' -c './add 3'
--- stdout
x|ababxab|x
