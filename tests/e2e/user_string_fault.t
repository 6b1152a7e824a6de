# A string that cannot be read is SystemTap's runtime error, naming the
# address and the call: the probe stops there, no end probe runs
# after it, and the status is 1.
run: cd "$T" && uscript -e 'probe process("./args").function("six") { println("before"); println(user_string(16)); println("not reached") } probe end { println("end") }' -c ./args
--- stdout
before
--- stderr
ERROR: user string copy fault -14 at 0x10 [man error::fault] near <input>:1:70
--- status
1
