# -D MAXACTION=N: a loop of about N/2 iterations fits, one of 2N does not.
run: uscript -D MAXACTION=200 -e 'probe begin { for (i = 0; i < 50; i++) { } println("50 ok"); for (i = 0; i < 400; i++) { } println("400 ok") } probe error { println("error") }' 2>/dev/null; echo "status $?"
--- stdout
50 ok
error
status 1
