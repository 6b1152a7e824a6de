# With several points sharing a body, pp() is the one that fired.
run: uscript -e 'probe timer.ms(30), timer.ms(1000), begin { println(pp()); if (pp() != "begin") exit() }'
--- stdout
begin
timer.ms(30)
