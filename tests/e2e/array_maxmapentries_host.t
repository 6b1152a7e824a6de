# -D MAXMAPENTRIES=4 limits an array declared without a size: the fifth
# element is "Array overflow, check MAXMAPENTRIES", status 1, error probe.
run: uscript -D MAXMAPENTRIES=4 -e 'global a; probe begin { for (i = 0; i < 10; i++) a[i] = i } probe error { println("error probe") } probe end { println("end") }'
--- stdout
error probe
--- stderr
ERROR: Array overflow, check MAXMAPENTRIES near <input>:1:50
--- status
1
