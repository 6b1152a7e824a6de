# print(@hist_log(s[k])) draws one element of an array of statistics.
run: uscript -e 'global s; probe begin { s["a"] <<< 1; s["b"] <<< 4; s["b"] <<< 5; print(@hist_log(s["b"])); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
    1 |                                                   0
    2 |                                                   0
    4 |@@                                                 2
    8 |                                                   0
   16 |                                                   0

--
