# A script whose probes all run in uscript itself (begin, end, timers) loads
# nothing into the kernel, so it needs no privilege.
run: setpriv --bounding-set=-all --inh-caps=-all uscript -e 'probe begin { println("begin ran"); exit() }'
--- stdout
begin ran
