# A wrapping array of statistics with a histogram and @variance in a
# process probe: the oldest goes, and the creation number stays out of the
# buckets and the variance.  add(i, i + 1) for i = 0..5 into h[i % 3]
# (room for 2): each new key pushes out the oldest, so h[1] and h[2] are
# left, each with the one value it got when it was made again.
run: cd "$T" && uscript -e 'global h%[2]; probe process("./add").function("add") { h[$a % 3] <<< $b } probe end { foreach (k in h) printf("%d: %d %d %d\n", k, @count(h[k]), @sum(h[k]), @variance(h[k])); print(@hist_linear(h[2], 0, 10, 5)) }' -c './add 6'
--- stdout
1: 1 5 0
2: 1 6 0
value |-------------------------------------------------- count
    0 |                                                   0
    5 |@                                                  1
   10 |                                                   0

