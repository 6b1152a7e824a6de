# logging.stp's assert(cond) and assert(cond, msg): nothing where cond
# holds, the runtime error "Assertion failed" or msg where it does not,
# in a begin probe and in a process probe.
run: cd "$T" && uscript -e 'probe begin { assert(1); assert(2 > 1, "never"); println("fine"); assert(0) }'; uscript -e 'probe process("./add").function("add") { assert($a == 0, "not zero"); println("zero"); assert($a == 4, sprintf("a is %d", $a)) }' -c './add 1'
--- stdout
fine
zero
--- stderr
ERROR: Assertion failed near tapset/logging.stp:6:3 (in assert())
ERROR: a is 0 near tapset/logging.stp:12:3 (in assert())
--- status
1
