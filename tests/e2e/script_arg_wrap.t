# A numeric script argument up to 2^64 - 1 wraps to a negative long, as a
# literal in the script does; one past it is no number.
# needs: nothing
run: uscript -e 'probe begin { printf("%d %d %d\n", $1, $2, $3); exit() }' -- 18446744073709551615 0x8000000000000000 -5; uscript -e 'probe begin { println($1) }' 18446744073709551616
--- stdout
-1 -9223372036854775808 -5
--- stderr
<input>:1:23: error: script argument $1 is not a number: '18446744073709551616' (use @1 for a string)
    1 | probe begin { println($1) }
      |                       ^~
--- status
1
