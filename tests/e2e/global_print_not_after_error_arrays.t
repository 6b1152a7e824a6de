# After a runtime error no unread array or statistic is printed: the
# synthetic end probes that would print them do not run.
run: uscript -e 'global a, x; probe begin { a[1] = 1; x <<< 1; error("stop") } probe error { println("error probe") }'
--- stdout
error probe
--- stderr
ERROR: stop near <input>:1:47
--- status
1
