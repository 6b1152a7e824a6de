# Empty rows of a linear histogram more than two away from data are elided
# behind one '~' row.
run: uscript -e 'global x; probe begin { x <<< 0; x <<< 195; print(@hist_linear(x, 0, 200, 10)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
    0 |@                                                  1
   10 |                                                   0
   20 |                                                   0
      ~
  170 |                                                   0
  180 |                                                   0
  190 |@                                                  1
  200 |                                                   0

--
