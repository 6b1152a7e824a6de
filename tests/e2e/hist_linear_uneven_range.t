# A range that is no whole number of steps: @hist_linear(x, 0, 25, 10) has
# (25 - 0) / 10 + 3 = 5 buckets, the last whole one [20, 30) and overflow
# from 30, labelled '>20' (start + (buckets - 3) * step, stat-common.c).
run: uscript -e 'global x; probe begin { x <<< 5; x <<< 25; x <<< 29; x <<< 30; x <<< 100; print(@hist_linear(x, 0, 25, 10)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
    0 |@                                                  1
   10 |                                                   0
   20 |@@                                                 2
  >20 |@@                                                 2

--
