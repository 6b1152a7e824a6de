# print(@hist_log(x)) in SystemTap's layout (runtime/stat-common.c): header,
# two empty rows kept on either side of the data, but none below 0 when no
# value is negative, and a blank line after the last row.  x gets 1 to 8.
run: uscript -e 'global x; probe begin { for (i = 1; i <= 8; i++) x <<< i; print(@hist_log(x)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
    0 |                                                   0
    1 |@                                                  1
    2 |@@                                                 2
    4 |@@@@                                               4
    8 |@                                                  1
   16 |                                                   0
   32 |                                                   0

--
