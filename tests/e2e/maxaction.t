# An endless loop exceeds MAXACTION: a runtime error at the loop (SystemTap checks the
# count at the end of the loop's body block, and names its '{'), status 1, the error
# probe runs and end does not.
# -u: nothing uses the value whose evaluation fails or loops, and elision
# would leave it out (SystemTap's own tests of these errors run stap -u).
run: uscript -u -e $'probe begin {\n  while (1) { }\n}\nprobe end { println("end") }\nprobe error { println("error") }'
--- stdout
error
--- stderr
ERROR: MAXACTION exceeded near <input>:2:13
--- status
1
