# Every script in examples/ compiles to a BPF object (-p4) with the command
# line its header comment shows ("#   uscript examples/NAME.up ARGS"), the
# programs it names taken from the targets ($T/demo, $T/ledger).  A new
# example adds a line here.  methods.up puts a .return probe on C++ code,
# which comes with a warning.
run: d=$(mktemp -d); cd "$D/../.." && for f in examples/*.up; do args=$(sed -n 's|^#   uscript examples/[a-z]*\.up \(.*\)$|\1|p' "$f" | head -1 | sed "s|examples/|$T/|g"); [ -n "$args" ] || echo "$(basename "$f"): no command line in its header"; eval "uscript -p4 -o \"\$d/o\" \"\$f\" $args"; echo "$(basename "$f") $?"; done; rm -rf "$d"
--- stdout
cache.up 0
calls.up 0
keys.up 0
latency.up 0
mallocsizes.up 0
methods.up 0
persec.up 0
profile.up 0
rate.up 0
slow.up 0
topcalls.up 0
--- stderr
examples/methods.up:15:7: warning: a C++ exception thrown through a function with a .return probe ends the program (std::terminate): the unwinder meets the return probe's trampoline where the return address was
   15 | probe process.function("ledger::Account::withdraw").return {
      |       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
