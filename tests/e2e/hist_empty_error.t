# print(@hist_log(x)) of an empty statistic is "empty aggregate" at the print
# (translate.cxx visit_print_format), status 1, error probe.
run: uscript -e 'global x; probe begin { if (0) x <<< 1; println("before"); print(@hist_log(x)); println("after") } probe error { println("error probe") }'
--- stdout
before
error probe
--- stderr
ERROR: empty aggregate near <input>:1:60
--- status
1
