# A bucket of more than 50 scales the bars: scale = ceil(120 / 50) = 3, so
# 120 draws 40 '@' and 30 draws 10; the count column widens to 3 digits.
run: uscript -e 'global x; probe begin { for (i = 0; i < 120; i++) x <<< 1; for (i = 0; i < 30; i++) x <<< 2; print(@hist_log(x)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
    0 |                                                     0
    1 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@           120
    2 |@@@@@@@@@@                                          30
    4 |                                                     0
    8 |                                                     0

--
