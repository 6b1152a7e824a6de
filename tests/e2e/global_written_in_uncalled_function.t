# SystemTap looks for writes in the probes and the functions they call: a write in a
# function nothing calls does not count, so the global is not printed.
run: uscript -e 'global c; function never() { c = 1 } probe begin { exit() } probe end { println("end") }' 2>/dev/null
--- stdout
end
