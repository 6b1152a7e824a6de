# print(@hist_linear(s[k])) of an element never added to: "empty aggregate"
# at the print, status 1, error probe.
run: uscript -e 'global s; probe begin { s[1] <<< 1; print(@hist_linear(s[2], 0, 10, 1)); println("after") } probe error { println("error probe") }'
--- stdout
error probe
--- stderr
ERROR: empty aggregate near <input>:1:37
--- status
1
