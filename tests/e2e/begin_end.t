# begin runs first, end at the stop that exit() asks for.
run: uscript -e 'probe end { println("end") } probe begin { println("begin"); exit() }'
--- stdout
begin
end
