# An optional point on a file that does not exist is dropped, also when it shares a body.
run: uscript -e 'probe process("/no/such/file").function("f") ?, begin { println(pp()); exit() }'
--- stdout
begin
