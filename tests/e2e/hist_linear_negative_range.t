# A linear histogram whose range starts below 0: @hist_linear(x, -50, 50, 25).
run: uscript -e 'global x; probe begin { x <<< -50; x <<< -26; x <<< -25; x <<< 0; x <<< 24; x <<< 49; print(@hist_linear(x, -50, 50, 25)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
  -50 |@@                                                 2
  -25 |@                                                  1
    0 |@@                                                 2
   25 |@                                                  1
   50 |                                                   0

--
