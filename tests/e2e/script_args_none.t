# Without arguments $# is 0.
run: uscript -e 'probe begin { println($#); exit() }'
--- stdout
0
