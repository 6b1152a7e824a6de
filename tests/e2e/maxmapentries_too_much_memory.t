# Maps larger than the memory the machine has available (or uscript's memory
# cgroup allows) are refused before the kernel is asked to make them, at
# once, with the figures and the -D option to lower; the command never
# starts.  (Here two arrays of 100000000 elements with keys of 4096 bytes,
# over a terabyte; the figures depend on the machine's CPUs and memory.)
run: s=$(date +%s%N); uscript -D MAXMAPENTRIES=100000000 -D MAXSTRINGLEN=4096 -e 'global a, b; probe process("'$T'/add").function("add") { a[execname()]++; b[execname()] = "x" }' -c "$T/add 1" 2>&1 | sed -E 's/[0-9]+ bytes \([0-9.]+ GiB\)/N bytes (N GiB)/g; s/available \([^)]*\)/available (...)/; s/takes [0-9]+ of/takes N of/'; echo "status ${PIPESTATUS[0]}"; ms=$((($(date +%s%N) - s) / 1000000)); [ $ms -lt 3000 ] && echo "in under 3 s" || echo "took $ms ms"
--- stdout
uscript: the maps need N bytes (N GiB) of kernel memory, and N bytes (N GiB) are available (...); the largest, global 'b', takes N of them: lower -D MAXMAPENTRIES (100000000)
status 1
in under 3 s
