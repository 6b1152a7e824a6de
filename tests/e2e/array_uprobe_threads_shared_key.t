# Two threads add to the same elements at once: a[i % 4] += 1 and a["s"] +=
# i lose no update (40000 calls, i from 0 to 19999 in each thread).
run: cd "$T" && uscript -e 'global a, b; probe process("./threads").function("work") { a[int_arg(1) % 4]++; b["s"] += int_arg(1) } probe end { printf("%d %d %d %d %d\n", a[0], a[1], a[2], a[3], b["s"]) }' -c './threads 20000'
--- stdout
10000 10000 10000 10000 399980000
