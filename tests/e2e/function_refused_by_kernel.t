# A function named without a wildcard that the kernel refuses at attach
# time (USCRIPT_NO_INSN_CHECK=1 leaves the judgement to it) stops the
# script with the kernel's reason in words, never "Unknown error 524".
run: cd "$T" && { ./refused loop & p=$!; } && until grep -q refused /proc/$p/maps 2>/dev/null; do sleep 0.01; done; for no_multi in 0 1; do USCRIPT_NO_UPROBE_MULTI=$no_multi USCRIPT_NO_INSN_CHECK=1 uscript -e 'probe process("./refused").function("step_add"), process("./refused").function("step_locked") { exit() }' 2>&1 | sed "s|$PWD|.|; s|@[^\"]*/refused.c:|@refused.c:|"; echo "status ${PIPESTATUS[0]}"; done; kill $p
--- stdout
uscript: cannot attach process("./refused").function("step_locked@refused.c:14") at <input>:1:50: Not supported by the kernel (ENOTSUPP, the kernel's own error 524)
status 1
uscript: cannot attach process("./refused").function("step_locked@refused.c:14") at <input>:1:50: Not supported by the kernel (ENOTSUPP, the kernel's own error 524)
status 1
