# A loop whose end depends on what the probe reads turns up to MAXACTION
# times; with a million, the kernel's verifier cannot follow it and
# refuses the program.  The error is at the probe, a note shows the line
# the verifier stopped at and another says what to change; status 1, and
# nothing stays loaded.
run: cd "$T" && d=$(mktemp -d) && cp add $d && printf 'global total\nprobe process("./add").function("add") {\n\tn = 0\n\twhile (n < int_arg(1))\n\t\tn++\n\ttotal += n\n}\n' > $d/loop.up && cd $d && uscript -D MAXACTION=1000000 loop.up -c "./add 1"; echo "status $?"; cd / && rm -r $d
--- stdout
status 1
--- stderr
loop.up:2:7: error: the kernel's verifier refused the program of this probe: The sequence of 8193 jumps is too complex.
    2 | probe process("./add").function("add") {
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
loop.up:4:2: note: the verifier stopped here
    4 | 	while (n < int_arg(1))
      | 	^~~~~~~~~~~~~~~~~~~~~~
uscript: note: the verifier follows every path through a probe, each turn of a loop on its own, and gives up after 1000000 instructions or 8192 pending branches: lower -D MAXACTION (the most turns a loop can take when its end depends on what the probe reads), give the loops fewer turns or branches, or share the work among several probes
uscript: run with -v to see the verifier's whole log
