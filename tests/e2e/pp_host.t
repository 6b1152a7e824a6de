# pp() of begin, end and timer probes is the probe point as SystemTap spells it.
run: uscript -e 'probe begin { println(pp()) } probe timer.ms(20) { println(pp()); exit() } probe end { println(pp()) }'
--- stdout
begin
timer.ms(20)
end
