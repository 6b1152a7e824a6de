# A histogram's buckets one by one: @hist_log(x)[i] is bucket i's count
# (64 holds 0, 64 + n the values from 2^(n-1) to 2^n - 1), foreach (b in
# @hist_log(x)) goes over every bucket number in order, foreach (n = b in …)
# gives the count too, with a limit; SystemTap's errors for an index out of
# range and an empty statistic.
run: uscript -e 'global s, t; probe begin { for (i = 0; i < 10; i++) { s <<< i; t[1] <<< i * 10 } println(@hist_log(s)[64], " ", @hist_log(s)[65], " ", @hist_log(s)[68]); foreach (b in @hist_log(s)) if (@hist_log(s)[b]) printf("bucket %d: %d\n", b, @hist_log(s)[b]); foreach (n = b in @hist_linear(t[1], 0, 100, 25) limit 4) printf("linear %d: %d\n", b, n); try { println(@hist_log(s)[128]) } catch (m) { println(m) } try { println(@hist_linear(t[2], 0, 100, 25)[1]) } catch (m) { println(m) } exit() }'
--- stdout
1 1 2
bucket 64: 1
bucket 65: 1
bucket 66: 2
bucket 67: 4
bucket 68: 2
linear 0: 0
linear 1: 3
linear 2: 2
linear 3: 3
histogram index out of range
empty aggregate
