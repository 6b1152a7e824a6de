# A wildcard NAME expands to one probe per matching function; probefunc() names the
# function that fired.  [bns]* matches big_unsigned, negative and six, called in the
# order six, negative, big_unsigned.
run: cd "$T" && uscript -e 'probe process("./args").function("[bns]*") { println(probefunc()) }' -c ./args
--- stdout
six
negative
big_unsigned
