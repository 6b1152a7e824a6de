# @# is the number of script arguments as a string, $# as a number.
# needs: nothing
run: uscript -e 'probe begin { printf("%s %d %s\n", @#, $# + 1, "n=" . @#); exit() }' a b c
--- stdout
3 4 n=3
