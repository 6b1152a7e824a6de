# A global written in a function that a probe calls is written by that probe: printed
# at the end when nothing reads it.
run: uscript -e 'global c; function set(v) { c = v } probe begin { set(7); exit() }'
--- stdout
c=7
