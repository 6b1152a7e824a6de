# Points the kernel refuses that uscript did not see coming
# (USCRIPT_NO_INSN_CHECK=1 leaves the judgement to the kernel) are left out
# of a wildcard at attach time with the same warning: the uprobe_multi link
# the kernel fails whole is split until each refused point is alone, and
# with perf-event links (the second run) each is refused alone.  The
# program runs before the probes go in, so the kernel checks them then;
# its errors are said in words (ENOTSUPP is its own code, 524).
run: cd "$T" && { ./refused loop & p=$!; } && until grep -q refused /proc/$p/maps 2>/dev/null; do sleep 0.01; done; for no_multi in 0 1; do USCRIPT_NO_UPROBE_MULTI=$no_multi USCRIPT_NO_INSN_CHECK=1 uscript -v -e 'global n; probe process("./refused").function("step_*") { if (++n == 8) exit() }' 2>&1 | grep -e 'warning:' -e 'note: skipped' -e 'error:' | sed "s|$PWD|.|; s|@[^\"]*/refused.c:|@refused.c:|"; echo "status ${PIPESTATUS[0]}"; done; kill $p
--- stdout
<input>:1:17: warning: 2 probe points of process("./refused").function("step_*") cannot be probed and were skipped
uscript: note: skipped process("./refused").function("step_locked@refused.c:14"): the kernel refused to probe it: Not supported by the kernel (ENOTSUPP, the kernel's own error 524)
uscript: note: skipped process("./refused").function("step_ds@refused.c:19"): the kernel refused to probe it: Not supported by the kernel (ENOTSUPP, the kernel's own error 524)
status 0
<input>:1:17: warning: 2 probe points of process("./refused").function("step_*") cannot be probed and were skipped
uscript: note: skipped process("./refused").function("step_locked@refused.c:14"): the kernel refused to probe it: Not supported by the kernel (ENOTSUPP, the kernel's own error 524)
uscript: note: skipped process("./refused").function("step_ds@refused.c:19"): the kernel refused to probe it: Not supported by the kernel (ENOTSUPP, the kernel's own error 524)
status 0
