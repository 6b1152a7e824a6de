# Macro syntax that arrives through a script argument ends with the
# argument: a '@define' there is an error, never a wait for more tokens.
# needs: nothing
run: uscript -p1 -e 'probe begin { x = $1 }' '@define m'
--- stderr
<input>:1:19: error: '@define' can only stand in the script's own text, not in a macro's body or a script argument
    1 | probe begin { x = $1 }
      |                   ^~
<input>:1:19: error: expected '%(' or '(' after the macro's name
    1 | probe begin { x = $1 }
      |                   ^~
<input>:1:22: error: expected expression before '}'
    1 | probe begin { x = $1 }
      |                      ^
--- status
1
