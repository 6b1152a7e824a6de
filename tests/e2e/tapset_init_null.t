# init.stp and null.stp: `probe init` runs before every begin probe,
# whatever their priority; NULL is 0.
# needs: nothing
run: uscript -e 'probe begin(-1000) { println("begin(-1000)") } probe init { println("init") } probe begin { println("NULL ", NULL, " ", NULL == 0); exit() } probe end { println("end") }'
--- stdout
init
begin(-1000)
NULL 0 1
end
