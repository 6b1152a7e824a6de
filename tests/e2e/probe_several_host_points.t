# begin and end can share a body; pp() tells them apart.
run: uscript -e 'probe begin, end { println(pp()) } probe begin { exit() }'
--- stdout
begin
end
