# -p1 shows the script as the arguments make it; a missing one is an error
# at its place, as a stap's "command line argument out of range".
# needs: nothing
run: uscript -p1 -e 'probe $1 { x = $2 + %( $# > 2 %? $3 %: 0 %) print(@2) }' -- 'timer.s(2)' '-5'; uscript -p1 -e 'probe begin { print(@1 . @3) }' one two
--- stdout
probe timer.s(2) {
	x = ((-5) + 0);
	print("-5");
}
--- stderr
<input>:1:26: error: command line argument @3 out of range [1-2]
    1 | probe begin { print(@1 . @3) }
      |                          ^~
--- status
1
