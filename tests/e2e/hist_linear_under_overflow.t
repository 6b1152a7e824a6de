# Values below lo count in the '<0' row, values past the last bucket in the
# '>50' row; 50 and 51 fall in the bucket that starts at hi (buckets are
# (hi - lo) / step + 3, stat-common.c).
run: uscript -e 'global x; probe begin { x <<< -3; x <<< -20; x <<< 0; x <<< 49; x <<< 50; x <<< 51; x <<< 1000; print(@hist_linear(x, 0, 50, 10)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
   <0 |@@                                                 2
    0 |@                                                  1
   10 |                                                   0
   20 |                                                   0
   30 |                                                   0
   40 |@                                                  1
   50 |@@                                                 2
  >50 |@                                                  1

--
