# Script arguments are pasted where they stand, as in SystemTap: @N as a
# string in a probe point, $N as the argument's own tokens (here a whole
# probe point, and a global's first value).
run: cd "$T" && uscript -e 'global most = $3 probe process(@1).function(@2).return { if ($return < most) printf("%s %d\n", ppfunc(), $return) } probe $4 { printf("args %d %s\n", $#, @#) }' -c './add 4' ./add add 5 'end, error'
--- stdout
add 1
add 3
args 4 4
