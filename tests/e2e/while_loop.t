# while runs while its condition is not 0.
run: uscript -e 'probe begin { n = 5; f = 1; while (n > 1) { f *= n; n-- } println(f); while (0) println("never"); exit() }'
--- stdout
120
