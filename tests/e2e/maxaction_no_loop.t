# A handler without loops that has more statements than MAXACTION stops at
# its start, as SystemTap checks such a handler once, by its count of
# statements (the larger branch of an if, and the bodies of the functions
# it calls, count): with MAXACTION=20, 20 statements run and 21 do not.
run: uscript -D MAXACTION=20 -e 'function two() { a = 1; return a } probe begin { x = 0; if (x) { x = 1; x = 2; x = 3 } else { x = 4 } x = two(); x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; println("ran") } probe begin { x = 0; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; x++; println("ran") } probe error { println("error") }' 2>&1; echo "status $?"
--- stdout
ran
ERROR: MAXACTION exceeded near <input>:1:186
error
status 1
