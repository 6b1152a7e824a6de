# A numeric argument may be negative, hex or octal, like a number in the script.
run: uscript -e 'probe begin { printf("%d %d %d\n", $1, $2, $3); exit() }' -- -5 0x10 010
--- stdout
-5 16 8
