# @min of an empty statistic is SystemTap's "empty aggregate" error, at the
# @min: status 1, the error probe runs, end does not.
run: uscript -e 'global x; probe begin { if (0) x <<< 1; println("before"); println(@min(x)); println("after") } probe error { println("error probe") } probe end { println("end") }'
--- stdout
before
error probe
--- stderr
ERROR: empty aggregate near <input>:1:68
--- status
1
