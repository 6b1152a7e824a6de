# The room uscript's memory cgroup leaves (its limit less what it uses)
# bounds the maps too: BPF memory is charged to it.  fake_memcg.sh makes the
# cgroup seem to have 100000000 bytes and use 40000000, in a mount namespace
# of its own; an array of 1000000 elements does not fit, one of 100000 does.
run: cd "$T" && for n in 1000000 100000; do unshare -m --propagation private "$D/fake_memcg.sh" 100000000 40000000 uscript -D MAXMAPENTRIES=$n -e 'global a; probe process("./add").function("add") { a[int_arg(1)]++ }' -c './add 2' 2>&1 | sed -E 's/[0-9]+ bytes \([0-9.]+ GiB\) of/N bytes (N GiB) of/; s/takes [0-9]+ of/takes N of/'; echo "status ${PIPESTATUS[0]}"; done
--- stdout
uscript: the maps need N bytes (N GiB) of kernel memory, and 60000000 bytes (0.1 GiB) are available (the limit of uscript's memory cgroup, less what it uses); the largest, global 'a', takes N of them: lower -D MAXMAPENTRIES (1000000)
status 1
a[0]=1
a[1]=1
status 0
