# Negative values go into the negative buckets of a log histogram, labelled
# -1, -2, -4, ... (stat-common.c _stp_bucket_to_val); two empty rows are kept
# below the lowest.
run: uscript -e 'global x; probe begin { x <<< -1; x <<< -5; x <<< -5; x <<< 3; x <<< 0; print(@hist_log(x)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
  -16 |                                                   0
   -8 |                                                   0
   -4 |@@                                                 2
   -2 |                                                   0
   -1 |@                                                  1
    0 |@                                                  1
    1 |                                                   0
    2 |@                                                  1
    4 |                                                   0
    8 |                                                   0

--
