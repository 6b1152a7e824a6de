# -v shows the verifier's whole log, with the script lines its
# instructions come from, and then the same error at the probe as without.
run: cd "$T" && { printf 'probe process("./add").function("add") {\n\tx = 0\n\ta = int_arg(1)\n'; for k in $(seq 0 19); do printf '\tif (a & %d) { x += %d; printf("%%d", %d) }\n' $((1 << k)) $((3 * k + 3)) $k; done; printf '\tif (x == 33)\n\t\tprintln("x")\n}\n'; } | uscript -v - -c ./add 2>&1 >/dev/null | awk '/BEGIN PROG LOAD LOG/ { b++ } /^; .*@ <stdin>:[0-9]+$/ { w++ } /error:/ { print } END { print b, (w > 0) }'; echo "status ${PIPESTATUS[1]}"
--- stdout
<stdin>:1:7: error: the kernel's verifier refused the program of this probe: BPF program is too large. Processed 1000001 insn
1 1
status 1
