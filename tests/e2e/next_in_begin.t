# next in a host handler (begin) skips the rest of it; exit() before it still stops.
run: uscript -e 'probe begin { exit(); println("a"); next; println("b") } probe end { println("end") }'
--- stdout
a
end
