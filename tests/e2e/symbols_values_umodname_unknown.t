# umodname() of an address in no file is SystemTap's error.
run: cd "$T" && uscript -e 'probe process("./stacks").function("inner") { printf("%s\n", umodname(0)) }' -c './stacks 3'
--- stderr
ERROR: module cannot be found near <input>:1:62
--- status
1
