# Stopwatches in a process probe and in begin: a running one counts up, a
# stopped one holds still, an unknown or deleted one reads 0, and starting
# it again counts on from what it held.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { start_stopwatch("a"); x = read_stopwatch_ns("a"); stop_stopwatch("a"); y = read_stopwatch_ns("a"); z = read_stopwatch_ns("a"); printf("%d %d %d %d %d\n", x >= 0, y >= x, y == z, read_stopwatch_us("b"), read_stopwatch_s("a")); start_stopwatch("a"); w = read_stopwatch_ns("a"); printf("%d\n", w >= z); delete_stopwatch("a"); println(read_stopwatch_ms("a")) }' -c './add 1' && uscript -e 'probe begin { start_stopwatch("a"); x = read_stopwatch_ns("a"); stop_stopwatch("a"); y = read_stopwatch_ns("a"); z = read_stopwatch_ns("a"); printf("%d %d %d %d %d\n", x >= 0, y >= x, y == z, read_stopwatch_us("b"), read_stopwatch_s("a")); start_stopwatch("a"); w = read_stopwatch_ns("a"); printf("%d\n", w >= z); delete_stopwatch("a"); println(read_stopwatch_ms("a")); exit() }'
--- stdout
1 1 1 0 0
1
0
1 1 1 0 0
1
0
