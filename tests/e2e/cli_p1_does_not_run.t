# -p1, -p2 and -p3 stop before running: status 0, and neither the probes nor the -c
# command run.
# needs: nothing
run: d=$(mktemp -d) && for p in 1 2 3; do uscript -p$p -e 'probe begin { println("ran") }' -c "touch $d/ran$p" > "$d/out$p"; echo "p$p $? $(grep -c '^ran$' "$d/out$p")"; done; ls "$d" | grep -c '^ran'; rm -rf "$d"
--- stdout
p1 0 0
p2 0 0
p3 0 0
0
