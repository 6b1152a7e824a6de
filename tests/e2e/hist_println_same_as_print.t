# println(@hist_log(x)) prints the histogram exactly as print does, with no
# extra newline (translate.cxx visit_print_format ignores the newline flag
# for a histogram).
run: uscript -e 'global x; probe begin { x <<< 2; println(@hist_log(x)); println("--"); exit() }'
--- stdout
value |-------------------------------------------------- count
    0 |                                                   0
    1 |                                                   0
    2 |@                                                  1
    4 |                                                   0
    8 |                                                   0

--
