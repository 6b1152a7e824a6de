# needs: nothing
# A wildcard that matches no form and no alias stays an error that names
# the point, and the listing fails.
run: uscript -l 'sycsall.*'
--- stderr
<list>:1:7: error: unknown probe point sycsall.*
    1 | probe sycsall.* {}
      |       ^~~~~~~~~
<list>:1:7: note: probe points are begin, end, error, timer.s(N) (or ms, us, ns, hz, jiffies, profile), process("PATH").function("NAME")[.return] and the like, kernel.trace("NAME"), perf.sw.NAME: --dump-probe-types lists them all
    1 | probe sycsall.* {}
      |       ^~~~~~~~~
--- status
1
