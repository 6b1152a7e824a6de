# A runtime error inside the library names the library's line and, where
# each function on the way is called from one place only, the calls up to
# the script's; a function called from two places names itself alone.
# needs: nothing
run: uscript -e 'probe begin { qsq_start("q"); qsq_print("q") }'; uscript -e 'probe begin { println(ctime(0)); println(ctime(-2147483649)) }'
--- stdout
Thu Jan  1 00:00:00 1970
--- stderr
ERROR: division by 0 near tapset/queue_stats.stp:116:64 (in qsq_wait_time(), called from qsq_print(), called from <input>:1:31)
ERROR: Time too far in the past to be converted near tapset/ctime.stp:15:3 (in ctime())
--- status
1
