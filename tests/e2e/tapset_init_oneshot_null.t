# init.stp, oneshot.stp, null.stp: `probe init` runs before every begin
# probe, whatever their priority; `probe oneshot` runs once and stops the
# script, whose end probes then run; NULL is 0.
# needs: nothing
run: uscript -e 'probe begin(-1000) { println("begin(-1000)") } probe init { println("init") } probe oneshot { println("oneshot ", NULL, " ", NULL == 0) } probe end { println("end") }'
--- stdout
init
begin(-1000)
oneshot 0 1
end
