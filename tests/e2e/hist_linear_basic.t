# print(@hist_linear(x, 0, 100, 10)): one row per step from the lowest data
# less two empty rows to the highest plus two; under- and overflow rows left
# out while they are empty.
run: uscript -e 'global x; probe begin { x <<< 5; x <<< 15; x <<< 15; x <<< 25; x <<< 25; x <<< 25; x <<< 35; print(@hist_linear(x, 0, 100, 10)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
    0 |@                                                  1
   10 |@@                                                 2
   20 |@@@                                                3
   30 |@                                                  1
   40 |                                                   0
   50 |                                                   0

--
