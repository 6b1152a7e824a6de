# sprint(@hist_log(x)) is the text print draws, cut at MAXSTRINGLEN - 1
# bytes as any string; an empty statistic is 'empty aggregate'.
# -u: nothing uses the value whose evaluation fails or loops, and elision
# would leave it out (SystemTap's own tests of these errors run stap -u).
run: uscript -u -D MAXSTRINGLEN=1024 -e 'global s, e; probe begin { for (i = 0; i < 10; i++) s <<< i; x = sprint(@hist_log(s)); printf("[%s]\n", x); try { y = sprint(@hist_linear(e, 0, 10, 5)) } catch (m) { println(m) } exit() }'
--- stdout
[value |-------------------------------------------------- count
    0 |@                                                  1
    1 |@                                                  1
    2 |@@                                                 2
    4 |@@@@                                               4
    8 |@@                                                 2
   16 |                                                   0
   32 |                                                   0

]
empty aggregate
