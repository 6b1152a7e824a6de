# In a thread other than the main one tid() differs from pid(); pid() is still the target.
run: cd "$T" && uscript -e 'global same, other; probe process("./threads").function("work") { if (tid() == pid()) same++; if (pid() != target()) other++ } probe end { printf("%d %d\n", same, other) }' -c './threads 100'
--- stdout
0 0
