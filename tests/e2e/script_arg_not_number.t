# $1 is pasted as the argument's tokens, as in SystemTap: a word is a name
# (here a local variable), and what does not lex is an error in the
# argument, with a note at the use.
# needs: nothing
run: uscript -e 'probe begin { abc = 5; println($1 * 2) exit() }' abc; uscript -e 'probe begin { x = $1 }' '1 ` 2'
--- stdout
10
--- stderr
command line argument $1:1:3: error: unexpected character '`'
    1 | 1 ` 2
      |   ^
<input>:1:19: note: in command line argument $1, pasted here
    1 | probe begin { x = $1 }
      |                   ^~
--- status
1
