# ?: with long and string branches, nested to the right.
run: uscript -e 'probe begin { for (i = 0; i < 3; i++) printf("%s %d\n", i == 0 ? "zero" : i == 1 ? "one" : "many", i ? i * 10 : -1); exit() }'
--- stdout
zero -1
one 10
many 20
