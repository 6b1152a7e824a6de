# The most negative long goes into the lowest bucket of a log histogram,
# labelled -9223372036854775808, 20 characters wide.
run: uscript -e 'global x; probe begin { x <<< -9223372036854775807 - 1; x <<< 0; print(@hist_log(x)); println("--"); exit() }'
--- stdout
               value |-------------------------------------------------- count
-9223372036854775808 |@                                                  1
-4611686018427387904 |                                                   0
-2305843009213693952 |                                                   0
                     ~
                  -2 |                                                   0
                  -1 |                                                   0
                   0 |@                                                  1
                   1 |                                                   0
                   2 |                                                   0

--
