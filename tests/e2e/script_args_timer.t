# A timer's period from a script argument, and a macro for the body.
# needs: nothing
run: uscript -e '@define say(what) %( println(@what) %) probe timer.ms($1) { @say(@2); exit() }' 10 tick
--- stdout
tick
