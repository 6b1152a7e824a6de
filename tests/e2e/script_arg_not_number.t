# $1 given something that is not a number is a compile error that suggests @1.
# needs: nothing
run: uscript -e 'probe begin { x = $1 }' abc
--- stderr
<input>:1:19: error: script argument $1 is not a number: 'abc' (use @1 for a string)
    1 | probe begin { x = $1 }
      |                   ^~
--- status
1
