# if / else if / else, with and without braces.
run: uscript -e 'probe begin { for (i = 0; i < 4; i++) { if (i == 0) println("zero") else if (i == 1) { println("one") } else if (i == 2) println("two"); else println("other") } if (0) println("no"); exit() }'
--- stdout
zero
one
two
other
