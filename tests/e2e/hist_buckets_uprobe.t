# The same in a process probe: the bucket loop runs in the kernel (bpf_loop),
# each count summed over the CPUs.
run: cd "$T" && uscript -e 'global s; probe process("./add").function("add") { s <<< $a; if ($a == 9) { printf("%d %d\n", @hist_log(s)[67], @hist_log(s)[68]); foreach (n = b in @hist_log(s)) if (n) printf("bucket %d: %d\n", b, n); foreach (b in @hist_log(s) limit 2) printf("b %d\n", b); try { println(@hist_log(s)[-1]) } catch (m) { println(m) } } }' -c './add 10'
--- stdout
4 2
bucket 64: 1
bucket 65: 1
bucket 66: 2
bucket 67: 4
bucket 68: 2
b 0
b 1
histogram index out of range
