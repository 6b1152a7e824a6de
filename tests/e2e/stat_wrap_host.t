# needs: nothing
# The same in a begin probe (the runtime's side): st[1], made second and
# added to on every turn, is still given up when it is the oldest; with
# @hist_log and @variance the creation number stays out of the figures.
run: uscript -e 'global st%[3], h%[2]; probe begin { for (i = 0; i < 6; i++) { st[i] <<< i; st[1] <<< 7; h[i % 3] <<< i; h[i % 3] <<< 2 * i } foreach (k in st) printf("%d: %d %d\n", k, @count(st[k]), @sum(st[k])); foreach (k in h) printf("%d: %d %d %d\n", k, @count(h[k]), @sum(h[k]), @variance(h[k])); print(@hist_log(h[2])); exit() }'
--- stdout
1: 2 14
4: 1 4
5: 1 5
1: 2 12 8
2: 2 15 15
value |-------------------------------------------------- count
    1 |                                                   0
    2 |                                                   0
    4 |@                                                  1
    8 |@                                                  1
   16 |                                                   0
   32 |                                                   0

