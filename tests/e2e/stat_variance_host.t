# @variance(x) and @variance(x, N) as SystemTap computes them: Welford's
# algorithm in integers, scaled by 2^N (so 1..10 gives 48 unscaled, where
# the variance is 9.2, and 9 with a shift of 4); one value gives 0; an empty
# statistic is 'empty aggregate'.
run: uscript -e 'global a, b, d, e, z; probe begin { for (i = 1; i <= 10; i++) { a <<< i; b <<< i } d <<< 0; d <<< 100; d <<< 7; d <<< -3; d <<< 42; e <<< 5; printf("%d %d %d %d\n", @variance(a), @variance(b, 4), @variance(d), @variance(e)); try { println(@variance(z)) } catch (m) { println(m) } exit() }'
--- stdout
48 9 1900 0
empty aggregate
