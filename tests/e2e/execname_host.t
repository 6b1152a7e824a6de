# begin runs in uscript itself, so execname() there is uscript.
run: uscript -e 'probe begin { println(execname()); exit() }'
--- stdout
uscript
