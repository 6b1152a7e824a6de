# -v shows the verifier's whole log, with the script lines its
# instructions come from, and then the same error at the probe as without.
run: cd "$T" && uscript -v -D MAXACTION=1000000 -e 'global t; probe process("./add").function("add") { n = 0; while (n < int_arg(1)) n++; t += n }' -c ./add 2>&1 >/dev/null | awk '/BEGIN PROG LOAD LOG/ { b++ } /^; .*@ <input>:1$/ { w++ } /error:/ { print } END { print b, (w > 0) }'; echo "status ${PIPESTATUS[0]}"
--- stdout
<input>:1:17: error: the kernel's verifier refused the program of this probe: The sequence of 8193 jumps is too complex.
1 1
status 1
