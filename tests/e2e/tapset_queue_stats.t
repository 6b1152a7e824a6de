# queue_stats: two requests wait, are served one after the other, and the
# period's averages come out in SystemTap's qsq_print line.  The script's
# own qs_time() replaces the library's, so the times are the script's:
# in a process probe and in begin alike.
run: cd "$T" && uscript -e 'global now function qs_time() { return now } probe process("./add").function("add") { qsq_start("q"); now = 10; qs_wait("q"); qs_wait("q"); now = 20; qs_run("q"); now = 30; qs_done("q"); qs_run("q"); now = 50; qs_done("q"); now = 100; qsq_print("q"); printf("%d %d %d %d %d %d\n", qsq_utilization("q", 100), qsq_blocked("q", 100), qsq_wait_queue_length("q", 1000), qsq_service_time("q", 1), qsq_wait_time("q", 1), qsq_throughput("q", 1000000)) }' -c './add 1' && uscript -e 'global now function qs_time() { return now } probe begin { qsq_start("q"); now = 10; qs_wait("q"); qs_wait("q"); now = 20; qs_run("q"); now = 30; qs_done("q"); qs_run("q"); now = 50; qs_done("q"); now = 100; qsq_print("q"); printf("%d %d %d %d %d %d\n", qsq_utilization("q", 100), qsq_blocked("q", 100), qsq_wait_queue_length("q", 1000), qsq_service_time("q", 1), qsq_wait_time("q", 1), qsq_throughput("q", 1000000)); exit() }'
--- stdout
q: 20000.000 ops/s, 0.300 qlen, 30 await, 15 svctm, 20% wait, 30% util
30 20 300 15 30 20000
q: 20000.000 ops/s, 0.300 qlen, 30 await, 15 svctm, 20% wait, 30% util
30 20 300 15 30 20000
