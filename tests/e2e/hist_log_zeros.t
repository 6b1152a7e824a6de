# A log histogram of zeros only: rows start at 0 (no negative rows without
# negative values) and two empty rows follow.
run: uscript -e 'global x; probe begin { x <<< 0; x <<< 0; x <<< 0; print(@hist_log(x)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
    0 |@@@                                                3
    1 |                                                   0
    2 |                                                   0

--
