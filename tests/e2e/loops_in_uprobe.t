# Loops, break and continue in BPF: sum of odd numbers below 2*a+1, stopping at 7.
run: cd "$T" && uscript -e 'probe process("./add").function("add") { s = 0; for (i = 0; i <= 2 * int_arg(2); i++) { if (i % 2 == 0) continue; if (i > 7) break; s += i } n = 0; while (n < int_arg(1)) n++; printf("%d %d\n", s, n) }' -c './add 5'
--- stdout
1 0
4 1
9 2
16 3
16 4
