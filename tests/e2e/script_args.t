# $N is argument N as a number, @N as a string, $# counts the arguments.
run: uscript -e 'probe begin { printf("%d %s %d %s\n", $1 + 1, @2 . "!", $#, @1); exit() }' 41 hi
--- stdout
42 hi! 2 41
