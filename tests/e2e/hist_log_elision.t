# Runs of empty rows more than two away from any data are elided and a '~'
# row marks each run; the value column widens to the longest label.
run: uscript -e 'global x; probe begin { x <<< 1; x <<< 1024; x <<< 1048576; print(@hist_log(x)); println("--"); exit() }'
--- stdout
  value |-------------------------------------------------- count
      0 |                                                   0
      1 |@                                                  1
      2 |                                                   0
      4 |                                                   0
        ~
    256 |                                                   0
    512 |                                                   0
   1024 |@                                                  1
   2048 |                                                   0
   4096 |                                                   0
        ~
 262144 |                                                   0
 524288 |                                                   0
1048576 |@                                                  1
2097152 |                                                   0
4194304 |                                                   0

--
