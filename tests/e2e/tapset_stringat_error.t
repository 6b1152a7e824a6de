# stringat() outside its string is SystemTap's error, at the call, in a
# process probe and in begin.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { println(stringat("abc", 3)) }' -c './add 1'; uscript -e 'probe begin { println(stringat("abc", -1)) }'
--- stderr
ERROR: Position out of bounds near <input>:1:50
ERROR: Position out of bounds near <input>:1:23
--- status
1
