# uscript - reads the script from standard input.
run: echo 'probe begin { println("from stdin"); exit() }' | uscript -
--- stdout
from stdin
