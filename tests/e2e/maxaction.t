# An endless loop exceeds MAXACTION: a runtime error at the loop (SystemTap checks the
# count at the end of the loop's body block, and names its '{'), status 1, the error
# probe runs and end does not.
run: uscript -e $'probe begin {\n  while (1) { }\n}\nprobe end { println("end") }\nprobe error { println("error") }'
--- stdout
error
--- stderr
ERROR: MAXACTION exceeded near <input>:2:13
--- status
1
