# A runtime error stops the script: the error probes run instead of end, status 1.
# -u: nothing uses the value whose evaluation fails or loops, and elision
# would leave it out (SystemTap's own tests of these errors run stap -u).
run: uscript -u -e $'probe begin {\n  x = 0\n  y = 10 / x\n  println("not reached")\n}\nprobe end { println("end") }\nprobe error { println("error probe") }'
--- stdout
error probe
--- stderr
ERROR: division by 0 near <input>:3:10
--- status
1
