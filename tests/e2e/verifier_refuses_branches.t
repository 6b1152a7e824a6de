# A probe of twenty tests, each on a bit of what the probe read, each
# changing a value a last test compares: the paths double at each, and the
# kernel's verifier, which follows every one, refuses the program.  The
# error is at the probe, a note shows the line the verifier stopped at and
# another says what to change; status 1, and nothing stays loaded.
run: cd "$T" && d=$(mktemp -d) && cp add $d && { printf 'probe process("./add").function("add") {\n\tx = 0\n\ta = int_arg(1)\n'; for k in $(seq 0 19); do printf '\tif (a & %d) { x += %d; printf("%%d", %d) }\n' $((1 << k)) $((3 * k + 3)) $k; done; printf '\tif (x == 33)\n\t\tprintln("x")\n}\n'; } > $d/paths.up && cd $d && uscript paths.up -c "./add 1"; echo "status $?"; cd / && rm -r $d
--- stdout
status 1
--- stderr
paths.up:1:7: error: the kernel's verifier refused the program of this probe: BPF program is too large. Processed 1000001 insn
    1 | probe process("./add").function("add") {
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
paths.up:22:2: note: the verifier stopped here
   22 | 	if (a & 262144) { x += 57; printf("%d", 18) }
      | 	^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
uscript: note: the verifier follows every path through a probe, and gives up after 1000000 instructions or 8192 pending branches: give the probe fewer tests whose outcomes add up (each doubles the paths that follow it), or share the work among several probes
uscript: run with -v to see the verifier's whole log
