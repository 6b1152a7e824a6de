# A function reads and writes globals.
run: uscript -e 'global count; function bump() { count++; return count } probe begin { bump(); bump(); printf("%d\n", bump()); exit() }'
--- stdout
3
