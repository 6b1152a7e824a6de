# foreach in a timer probe over an array a process probe filled: ticker calls
# tick(i) every 10 ms, 20 times; the timer prints what it sees once 3 calls
# were seen.
run: cd "$T" && uscript -e 'global a, n; probe process("./ticker").function("tick") { if (int_arg(1) < 3) a[int_arg(1)] = int_arg(1) * 2; n++ } probe timer.ms(20) { if (n >= 3) { foreach (k+ in a) printf("%d=%d\n", k, a[k]); exit() } }' -c './ticker 20'
--- stdout
0=0
1=2
2=4
