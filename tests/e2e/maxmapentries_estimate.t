# The kernel memory uscript expects its maps to take (checked against what
# the machine has before they are made) is what the kernel then says they
# hold, within 1%: hash, per-CPU hash and array, LRU hash (the values
# saved at entry for a .return probe), array and ring buffer.
run: cd "$T" && uscript -v -D MAXMAPENTRIES=100000 -e 'global a, s, t; probe process("./ticker").function("tick").return { a[pid()] = $i; s[execname(), 1] <<< $return; t <<< 1 }' -c './ticker 2' 2>&1 >/dev/null | awk '/maps will take/ { est = $6 } /^uscript:   [a-z_.]+ +(hash|percpu_hash|array|percpu_array|lru_hash|ringbuf) / { kernel += $NF; kinds[$3] = 1 } END { n = 0; for (k in kinds) n++; d = est - kernel; if (d < 0) d = -d; print n " kinds of map;", (est > 0 && d * 100 < kernel) ? "within 1%" : "estimate " est ", kernel " kernel }'
--- stdout
6 kinds of map; within 1%
