# A function that never returns gets no .return probe, with a warning: it
# would never fire, and the kernel's record of it would count against the
# 64 return probes a thread may have pending.  The rest of the script runs.
run: cd "$T" && uscript -e 'global m; probe process("libc.so.6").function("exit").return { n++ } probe process("./add").function("add") { m++ } probe end { printf("%d\n", m) }' -c './add 2'
--- stdout
2
--- stderr
<input>:1:17: warning: 'exit' never returns, so a .return probe on it would never fire; it is left out
    1 | global m; probe process("libc.so.6").function("exit").return { n++ } probe process("./add").function("add") { m++ } probe end { printf("%d\n", m) }
      |                 ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
