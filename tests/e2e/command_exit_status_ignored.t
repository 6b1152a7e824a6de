# The -c command's own exit status does not change uscript's: 0 after a normal stop.
run: uscript -e 'probe begin { println("begin") } probe end { println("end") }' -c 'sh -c "exit 3"'; echo "status $?"
--- stdout
begin
end
status 0
