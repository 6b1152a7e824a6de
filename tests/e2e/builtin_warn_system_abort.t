# warn() writes "WARNING: msg" on stderr and goes on; system() runs its
# command with the shell once the probe is done, and uscript waits for it
# before it exits; abort() stops at once (the rest of the probe and of the
# function it is in do not run), and the end probes run as after exit().
run: cd "$T" && d=$(mktemp -d) && uscript -e 'function stop() { abort(); println("not after abort") } probe process("./add").function("add") { println("hit ", int_arg(1)); warn(sprintf("arg %d", int_arg(1))); system(sprintf("echo shell says %d >> '"$d"'/out", int_arg(1))); if (int_arg(1) == 1) { stop(); println("not after stop") } } probe end { println("end") }' -c './add 5' 2>&1; echo "status $?"; sort "$d/out"; rm -r "$d"
--- stdout
hit 0
WARNING: arg 0
hit 1
WARNING: arg 1
end
status 0
shell says 0
shell says 1
