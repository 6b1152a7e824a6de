# A numeric script argument up to 2^64 - 1 wraps to a negative long, as a
# literal in the script does; one past it is out of range, an error in the
# argument with a note where it is pasted.
# needs: nothing
run: uscript -e 'probe begin { printf("%d %d %d\n", $1, $2, $3); exit() }' -- 18446744073709551615 0x8000000000000000 -5; uscript -e 'probe begin { println($1) }' 18446744073709551616
--- stdout
-1 -9223372036854775808 -5
--- stderr
command line argument $1:1:1: error: number out of range: the largest is 18446744073709551615
    1 | 18446744073709551616
      | ^~~~~~~~~~~~~~~~~~~~
<input>:1:23: note: in command line argument $1, pasted here
    1 | probe begin { println($1) }
      |                       ^~
--- status
1
