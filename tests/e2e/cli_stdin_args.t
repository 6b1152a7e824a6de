# With "-", script arguments follow it as with a file.
run: echo 'probe begin { printf("%d %s\n", $1, @2); exit() }' | uscript - 7 seven
--- stdout
7 seven
