# The same in a program built without PIE, and without a default: the
# error at the address nothing can bring in ends the run as before.
run: cd "$T" && uscript -e 'probe process("./untouched_nopie").function("show") { println(user_string($s)) }' -c ./untouched_nopie 2>"$D/err.$$"; echo "status $?"; sed 's/at 0x[0-9a-f]*/at ADDR/' "$D/err.$$"; rm -f "$D/err.$$"
--- stdout
a string on a page of its own
a string across two pages
status 1
ERROR: user string copy fault -14 at ADDR [man error::fault] near <input>:1:63
