# global a[3] holds three elements: storing into them again is fine, a fourth
# is SystemTap's "Array overflow, check size limit (3)" at the array's name,
# status 1, and the error probe runs instead of end.
run: uscript -e 'global a[3]; probe begin { a[1] = 1; a[2] = 2; a[3] = 3; a[2] = 20; println("full"); a[4] = 4; println("not reached") } probe error { println("error probe") } probe end { println("end") }'
--- stdout
full
error probe
--- stderr
ERROR: Array overflow, check size limit (3) near <input>:1:86
--- status
1
