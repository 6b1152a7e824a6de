# Eight threads call work() 20000 times each, on every CPU at once: every
# hit is counted, in a scalar, a shared array element, a statistic and per
# thread, on entry and on return; the command's status is unchanged.
run: cd "$T" && { ./threads 20000 8; echo "status $?"; uscript -e 'global n, a, s, per, r; probe process.function("work") { n++; a["k"]++; s <<< 1; per[tid()]++ } probe process("./threads").function("work").return { r++ } probe end { t = 0; foreach (k in per) t++; printf("%d %d %d %d %d\n", n, a["k"], @count(s), t, r) }' -c './threads 20000 8'; echo "status $?"; }
--- stdout
status 0
160000 160000 160000 8 160000
status 0
