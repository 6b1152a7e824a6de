# sprintf in begin and end probes formats as printf does.
run: uscript -e 'global g; probe begin { g = sprintf("%d-%s-%x", 5, "x", 255); s = sprintf("%5s|%-3d|", "ab", 7); println(g); println(s); exit() } probe end { println(sprintf("%s%s", g, "!")) }'
--- stdout
5-x-ff
   ab|7  |
5-x-ff!
